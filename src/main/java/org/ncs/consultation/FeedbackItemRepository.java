package org.ncs.consultation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FeedbackItemRepository extends JpaRepository<FeedbackItem, String> {

  List<FeedbackItem> findByTaskIdOrderByCreatedAt(String taskId);

  List<FeedbackItem> findByRoundIdOrderByGroupAscCreatedAtAsc(String roundId);

  List<FeedbackItem> findByRoundIdInOrderByGroupAscCreatedAtAsc(Collection<String> roundIds);

  long countByTaskId(String taskId);

  long countByRoundIdAndDispositionIsNull(String roundId);

  /** The comments of earlier rounds of a lifecycle that were taken up and no later draft has answered yet. */
  @Query("select i from FeedbackItem i, ConsultationRound r where r.id = i.roundId and r.processInstanceId = ?1"
      + " and i.answeredIn is null and i.disposition in ?2")
  List<FeedbackItem> unanswered(String processInstanceId, Collection<Disposition> takenUp);
}
