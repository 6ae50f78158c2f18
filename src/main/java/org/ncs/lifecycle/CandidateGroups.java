package org.ncs.lifecycle;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The groups a task waits for, from its identity links, in order. */
final class CandidateGroups {

  private CandidateGroups() {
  }

  static List<String> of(Collection<? extends IdentityLink> links) {
    return links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .sorted()
        .toList();
  }
}
