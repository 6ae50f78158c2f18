package org.ncs.consultation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ncs.audit.AuditTrail;
import org.ncs.document.DocumentViews.VersionRef;
import org.ncs.document.Documents;
import org.ncs.engagement.Engagements;
import org.ncs.engagement.StakeholderRegistry;
import org.ncs.lifecycle.Consultation;
import org.ncs.lifecycle.StepTasks;
import org.ncs.lifecycle.TaskDataRejectedException;
import org.ncs.web.FieldError;
import org.ncs.web.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the production model asks of the consultation record, named in the model:
 *
 * <ul>
 *   <li>{@code releaseDraft}, when the draft is released: the draft is a document version (or a link), every
 *       group consulted has people to answer for it, and the round is opened; comments taken up in earlier rounds
 *       are answered by this draft;</li>
 *   <li>{@code requireFeedback}, when a group's feedback is completed: at least one comment, and general remarks
 *       written in the form become one;</li>
 *   <li>{@code collectConsultationFeedback}, when every group has answered: what came in, for the disposition
 *       form;</li>
 *   <li>{@code requireDispositions}, when the feedback is dispositioned: every comment has its disposition.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ConsultationSteps {

  /** The process variable that names the round a task belongs to. */
  static final String ROUND = "consultationRound";
  static final String DRAFT_DOCUMENT = "draftDocument";
  static final String DRAFT_VERSION = "draftVersion";
  /** Where to read the draft, set by the form's rules: the service's copy of the document, or the link. */
  static final String DRAFT_LINK = "draftLink";
  static final String GROUPS = "consultationGroups";
  static final String GENERAL_REMARKS = "feedback";
  static final String DECISION = "dispositionDecision";

  private final ConsultationRoundRepository rounds;
  private final FeedbackItemRepository items;
  private final StakeholderRegistry registry;
  private final Engagements engagements;
  private final Documents documents;
  private final Consultation consultation;
  private final AuditTrail audit;
  private final Clock clock;

  ConsultationSteps(ConsultationRoundRepository rounds, FeedbackItemRepository items, StakeholderRegistry registry,
      Engagements engagements, Documents documents, Consultation consultation, AuditTrail audit, Clock clock) {
    this.rounds = rounds;
    this.items = items;
    this.registry = registry;
    this.engagements = engagements;
    this.documents = documents;
    this.consultation = consultation;
    this.audit = audit;
    this.clock = clock;
  }

  @Bean
  TaskListener releaseDraft() {
    return task -> {
      String engagementId = task.getExecution().getProcessBusinessKey();
      List<FieldError> errors = new ArrayList<>();
      // the form's rules have checked the document is one of the engagement's, and set where to read it
      String versionId = text(task, DRAFT_DOCUMENT);
      String link = text(task, DRAFT_LINK);
      String label = versionId != null ? documents.version(engagementId, versionId).map(VersionRef::label)
          .orElse(null) : text(task, DRAFT_VERSION);
      if (versionId == null && label == null) {
        errors.add(new FieldError(DRAFT_VERSION, Messages.get("validation.required")));
      }
      List<String> groups = consultation.groups(task.getExecution());
      List<String> unanswered = groups.stream().filter(group -> registry.people(engagementId, group).isEmpty())
          .map(group -> Messages.get("stakeholderCategory." + group)).toList();
      if (!unanswered.isEmpty()) {
        errors.add(new FieldError(GROUPS, Messages.get("consultation.nobodyFor", String.join(", ", unanswered))));
      }
      if (!errors.isEmpty()) {
        throw new TaskDataRejectedException(task.getId(), task.getName(), errors);
      }
      String instance = task.getProcessInstanceId();
      ConsultationRound round = rounds.save(new ConsultationRound(engagementId, instance,
          rounds.lastNumber(instance) + 1, versionId, label, link, groups, StepTasks.actor(task), clock.instant()));
      List<FeedbackItem> answered = items.unanswered(instance, List.of(Disposition.ACCEPTED,
          Disposition.PARTLY_ACCEPTED));
      answered.forEach(item -> item.answeredIn(round.getId()));
      // the round, and the draft's label for the forms that show it (the task's own answers end with it)
      task.getExecution().getProcessInstance().setVariable(ROUND, round.getId());
      task.getExecution().getProcessInstance().setVariable(DRAFT_VERSION, label);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("round", round.number());
      details.put("draft", label);
      details.put("groups", groups);
      details.put("answers", answered.size());
      audit.record(StepTasks.actor(task), task.getTenantId(), engagementId, "DRAFT_RELEASED", round.getId(),
          Map.of("after", details));
    };
  }

  @Bean
  TaskListener requireFeedback() {
    return task -> {
      String remarks = text(task, GENERAL_REMARKS);
      String group = text(task, "stakeholderGroup");
      List<FeedbackItem> given = new ArrayList<>(items.findByTaskIdOrderByCreatedAt(task.getId()));
      if (remarks != null) {
        String engagementId = task.getExecution().getProcessBusinessKey();
        String author = StepTasks.actor(task);
        given.add(items.save(new FeedbackItem(roundOf(task), task.getId(), group,
            Consultations.organisation(engagements.organisationsOf(engagementId, group, author)), null, remarks,
            null, author, clock.instant())));
      }
      if (given.isEmpty()) {
        throw new TaskDataRejectedException(task.getId(), task.getName(),
            List.of(new FieldError(GENERAL_REMARKS, Messages.get("consultation.noFeedback"))));
      }
      given.forEach(item -> item.submitted(clock.instant()));
    };
  }

  @Bean
  JavaDelegate collectConsultationFeedback() {
    return execution -> {
      if (execution.getVariable(ROUND) == null) {
        // a lifecycle started before comments were recorded item by item
        execution.setVariable("consultationSummary", "The comments of this round are in the feedback tasks.");
        return;
      }
      Map<String, Integer> byGroup = new LinkedHashMap<>();
      items.findByRoundIdOrderByGroupAscCreatedAtAsc(roundOf(execution))
          .forEach(item -> byGroup.merge(consultation.label(item.group()), 1, Integer::sum));
      int total = byGroup.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder summary = new StringBuilder().append(total).append(total == 1 ? " comment" : " comments");
      byGroup.forEach((group, count) -> summary.append("\n- ").append(group).append(": ").append(count));
      execution.setVariable("consultationSummary", summary.toString());
    };
  }

  @Bean
  TaskListener requireDispositions() {
    return task -> {
      long open = items.countByRoundIdAndDispositionIsNull(roundOf(task));
      if (open > 0) {
        throw new TaskDataRejectedException(task.getId(), task.getName(),
            List.of(new FieldError(DECISION, Messages.get("consultation.undispositioned", open))));
      }
    };
  }

  private static String roundOf(DelegateTask task) {
    return roundOf(task.getExecution());
  }

  private static String roundOf(DelegateExecution execution) {
    Object round = execution.getVariable(ROUND);
    if (round == null) {
      throw new IllegalStateException("No consultation round in process instance " + execution.getProcessInstanceId());
    }
    return round.toString();
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
