package org.ncs.actionplan;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.ncs.actionplan.ActionPlanViews.VersionSummary;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PlanVersionRepository extends JpaRepository<PlanVersion, String> {

  List<PlanVersion> findByPlanIdOrderByNumber(String planId);

  /**
   * The same, locked until the transaction ends: a comment, its withdrawal and the decision on a version wait for
   * each other, so that nothing is said of a version once it is decided and a decision sees every comment made.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select v from PlanVersion v where v.planId = :planId order by v.number")
  List<PlanVersion> lockByPlanId(String planId);

  Optional<PlanVersion> findFirstByPlanIdOrderByNumberDesc(String planId);

  /** The versions as listed, with their comments counted: without reading their frozen initiatives. */
  @Query("select new org.ncs.actionplan.ActionPlanViews$VersionSummary(v.number, v.submittedBy, v.submittedAt,"
      + " v.reviewer, v.decision, v.decidedBy, v.decidedAt,"
      + " (select count(c) from PlanComment c where c.versionId = v.id))"
      + " from PlanVersion v where v.planId = :planId order by v.number")
  List<VersionSummary> summaries(String planId);
}
