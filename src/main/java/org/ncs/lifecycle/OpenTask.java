package org.ncs.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * A lifecycle task waiting for someone.
 *
 * @param activityId the task's element in the process model (e.g. {@code Task_DraftStrategy}): the same for
 *     every round of the task, in every engagement
 * @param engagementId the engagement (the business key of every instance of its lifecycle)
 * @param country the tenant the task belongs to
 * @param phase the guide's phase (P1 to P5)
 * @param step the catalogue step the task belongs to (e.g. P3.S2)
 * @param kind {@code perform}, {@code review}, {@code follow-up} or {@code escalation}
 * @param candidateGroups the roles that may take the task
 * @param candidateUsers the people who may take it, where the task names people (a stakeholder group's feedback)
 */
public record OpenTask(
    String id,
    String name,
    String activityId,
    String engagementId,
    String country,
    String phase,
    String step,
    String kind,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String assignee,
    Instant created,
    Instant due,
    boolean overdue) {
}
