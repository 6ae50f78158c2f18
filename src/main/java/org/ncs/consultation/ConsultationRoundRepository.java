package org.ncs.consultation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConsultationRoundRepository extends JpaRepository<ConsultationRound, String> {

  List<ConsultationRound> findByEngagementIdOrderByNumber(String engagementId);

  @Query("select coalesce(max(r.number), 0) from ConsultationRound r where r.processInstanceId = ?1")
  int lastNumber(String processInstanceId);
}
