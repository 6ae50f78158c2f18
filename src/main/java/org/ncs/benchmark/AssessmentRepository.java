package org.ncs.benchmark;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, String> {

  List<Assessment> findByEngagementIdOrderByAsOfDescCreatedAtDesc(String engagementId);

  boolean existsByEngagementIdAndStateIn(String engagementId, Collection<Assessment.State> states);

  /** The validated assessments of an engagement that nothing supersedes, oldest first: its trend. */
  List<Assessment> findByEngagementIdAndStateAndSupersededByIsNullOrderByAsOfAscCreatedAtAsc(String engagementId,
      Assessment.State state);
}
