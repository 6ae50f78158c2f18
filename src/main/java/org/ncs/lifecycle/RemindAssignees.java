package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.ENGAGEMENT_ID;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.ncs.notification.NotificationKind;
import org.ncs.notification.NotificationRequest;
import org.ncs.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * Ends the path of a task's due-date timer: reminds whoever holds each open instance of the task, its assignee
 * or, while nobody has claimed it, its candidate groups and people. The task is the one the timer is attached to.
 */
@Component("remindAssignees")
class RemindAssignees implements JavaDelegate {

  private final Notifications notifications;

  RemindAssignees(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FlowNode reminder = (FlowNode) execution.getBpmnModelElementInstance();
    BoundaryEvent timer = (BoundaryEvent) reminder.getPreviousNodes().singleResult();
    String taskKey = timer.getAttachedTo().getId();
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Object engagementId = execution.getVariable(ENGAGEMENT_ID);
    for (Task task : tasks.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey)
        .list()) {
      String subject = "Due now: " + task.getName();
      if (task.getAssignee() != null) {
        record(execution, engagementId, task, task.getAssignee(), null, subject);
      } else {
        List<IdentityLink> candidates = tasks.getIdentityLinksForTask(task.getId());
        CandidateGroups.of(candidates).forEach(group -> record(execution, engagementId, task, null, group, subject));
        // a stakeholder group's feedback task names its people
        candidates.stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
            .forEach(link -> record(execution, engagementId, task, link.getUserId(), null, subject));
      }
    }
  }

  private void record(DelegateExecution execution, Object engagementId, Task task, String user, String group,
      String subject) {
    notifications.record(new NotificationRequest(NotificationKind.REMINDER, execution.getTenantId(),
        engagementId == null ? null : engagementId.toString(), execution.getProcessInstanceId(), task.getId(),
        user, group, subject, null));
  }
}
