package org.ncs.actionplan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InitiativeRepository extends JpaRepository<Initiative, String> {

  List<Initiative> findByPlanIdOrderByNumber(String planId);

  Optional<Initiative> findByIdAndPlanId(String id, String planId);

  @Query("select coalesce(max(i.number), 0) from Initiative i where i.planId = :planId")
  int lastNumber(String planId);
}
