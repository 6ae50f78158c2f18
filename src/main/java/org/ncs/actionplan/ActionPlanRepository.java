package org.ncs.actionplan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionPlanRepository extends JpaRepository<ActionPlan, String> {

  Optional<ActionPlan> findByEngagementIdAndCycle(String engagementId, int cycle);

  /** The plans of earlier cycles, latest first. */
  List<ActionPlan> findByEngagementIdAndCycleLessThanOrderByCycleDesc(String engagementId, int cycle);
}
