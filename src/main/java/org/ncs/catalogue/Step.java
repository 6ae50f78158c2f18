package org.ncs.catalogue;

import static org.ncs.catalogue.Lists.orEmpty;

import java.util.List;

/**
 * One step of a lifecycle phase. {@code derived} steps are not numbered in the guide but asked for by its text;
 * {@code provisional} ones have a working title until checked against the guide.
 *
 * @param role the role that performs the step (the candidate group of its task)
 * @param participants every role involved in the step
 * @param principles ids of principles the guide ties to this step
 */
public record Step(
    String id,
    String number,
    String title,
    Integer page,
    Confidence confidence,
    boolean derived,
    boolean provisional,
    String role,
    List<String> participants,
    List<String> principles,
    String summary,
    String outcome) {

  public Step {
    participants = orEmpty(participants);
    principles = orEmpty(principles);
  }
}
