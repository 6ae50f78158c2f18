package org.ncs.benchmark;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceRepository extends JpaRepository<Evidence, String> {

  List<Evidence> findByEngagementIdOrderByCreatedAtDesc(String engagementId);

  List<Evidence> findByEngagementIdAndIdIn(String engagementId, Collection<String> ids);
}
