package org.ncs.lifecycle;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskOutcomeRepository extends JpaRepository<TaskOutcome, String> {

  Optional<TaskOutcome> findByTaskId(String taskId);

  boolean existsByProcessInstanceIdAndActivityId(String processInstanceId, String activityId);

  List<TaskOutcome> findByProcessInstanceIdOrderByCompletedAt(String processInstanceId);

  List<TaskOutcome> findTop5ByProcessInstanceIdOrderByCompletedAtDesc(String processInstanceId);

  List<TaskOutcome> findByProcessInstanceIdAndActivityIdOrderByCompletedAt(String processInstanceId,
      String activityId);
}
