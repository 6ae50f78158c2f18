package org.ncs.actionplan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InitiativeRepository extends JpaRepository<Initiative, String> {

  List<Initiative> findByPlanIdOrderByNumber(String planId);

  Optional<Initiative> findByIdAndPlanId(String id, String planId);
}
