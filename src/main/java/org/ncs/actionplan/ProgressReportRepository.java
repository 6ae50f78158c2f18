package org.ncs.actionplan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProgressReportRepository extends JpaRepository<ProgressReport, String> {

  /**
   * A plan's reports, earliest first. Their entries, actuals, milestones and spend load when first read, each kind
   * for a hundred reports in one statement (the batch fetch size): a bounded number whatever the reports.
   */
  List<ProgressReport> findByPlanIdOrderByPeriodEnd(String planId);

  /** A plan's latest report. */
  Optional<ProgressReport> findFirstByPlanIdOrderByPeriodEndDesc(String planId);

  boolean existsByPlanIdAndSubmittedAtGreaterThanEqual(String planId, Instant since);

  /** Whether any report has an entry for the initiative. */
  @Query("select count(r) > 0 from ProgressReport r join r.entries e where e.initiativeId = :initiativeId")
  boolean reportedOn(String initiativeId);
}
