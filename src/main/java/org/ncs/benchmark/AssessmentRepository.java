package org.ncs.benchmark;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AssessmentRepository extends JpaRepository<Assessment, String> {

  List<Assessment> findByEngagementIdOrderByAsOfDescCreatedAtDesc(String engagementId);

  /** The engagement's open assessment (drafted or under review), if it has one. */
  Optional<Assessment> findByOpenFor(String engagementId);

  boolean existsByEngagementIdAndStateAndDecidedAtGreaterThanEqual(String engagementId, Assessment.State state,
      Instant since);

  boolean existsByEngagementIdAndStateIn(String engagementId, Collection<Assessment.State> states);

  /** The assessment, locked until the transaction ends: changes to it and its ratings happen one at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Assessment a where a.id = ?1")
  Optional<Assessment> lockById(String id);

  /** The validated assessments of an engagement that nothing supersedes, oldest first. */
  List<Assessment> findByEngagementIdAndStateAndSupersededByIsNullOrderByAsOfAscCreatedAtAsc(String engagementId,
      Assessment.State state);
}
