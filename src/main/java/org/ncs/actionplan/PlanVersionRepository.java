package org.ncs.actionplan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanVersionRepository extends JpaRepository<PlanVersion, String> {

  List<PlanVersion> findByPlanIdOrderByNumber(String planId);

  Optional<PlanVersion> findFirstByPlanIdOrderByNumberDesc(String planId);

  Optional<PlanVersion> findByPlanIdAndNumber(String planId, int number);
}
