package org.ncs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncs.NcsApplication;
import org.ncs.actionplan.ActionPlanRequests.ActualValue;
import org.ncs.actionplan.ActionPlanRequests.BudgetLineRequest;
import org.ncs.actionplan.ActionPlanRequests.InitiativeRequest;
import org.ncs.actionplan.ActionPlanRequests.KpiRequest;
import org.ncs.actionplan.ActionPlanRequests.PlanCommentRequest;
import org.ncs.actionplan.ActionPlanRequests.ProgressEntry;
import org.ncs.actionplan.ActionPlanRequests.ProgressReportRequest;
import org.ncs.actionplan.ActionPlanViews.Decision;
import org.ncs.actionplan.ActionPlanViews.FieldChange;
import org.ncs.actionplan.ActionPlanViews.GuideRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ActionPlanViews.VersionSummary;
import org.ncs.actionplan.ActionPlans;
import org.ncs.actionplan.Initiative.Funding;
import org.ncs.actionplan.Initiative.Status;
import org.ncs.actionplan.PlanReviews;
import org.ncs.actionplan.ProgressFigures.PlanFigures;
import org.ncs.actionplan.ProgressReports;
import org.ncs.benchmark.Assessments;
import org.ncs.benchmark.BenchmarkViews.AssessmentSummary;
import org.ncs.benchmark.Scorecards;
import org.ncs.consultation.ConsultationViews.ConsultationRecord;
import org.ncs.consultation.ConsultationViews.ItemView;
import org.ncs.consultation.Consultations;
import org.ncs.engagement.EngagementViews.EngagementDetail;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.OpenTask;
import org.ncs.lifecycle.TaskInbox;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo a newcomer gets from {@code mvn spring-boot:run}: the embedded default on an empty file database,
 * which is what it is for, in both test runs. Started without the web layer, like the restart test.
 */
class DemoDataIT {

  @Test
  void anEmptyEmbeddedDatabaseGetsFourCountriesAtDifferentPhasesOnceOnly(@TempDir Path data) {
    String[] args = {"--spring.profiles.active=test", "--ncs.demo.enabled=true",
        "--camunda.bpm.process-engine-name=demo", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("ncs"),
        "--spring.autoconfigure.exclude=" + CamundaBpmWebappAutoConfiguration.class.getName() + ","
            + CamundaBpmRestJerseyAutoConfiguration.class.getName()};

    try (ConfigurableApplicationContext demo = start(args)) {
      Engagements engagements = demo.getBean(Engagements.class);
      CurrentUsers users = demo.getBean(CurrentUsers.class);
      IdentityService identity = demo.getBean(ProcessEngine.class).getIdentityService();

      assertThat(engagements.count()).isEqualTo(4);
      Map<String, EngagementDetail> byCountry = new HashMap<>();
      engagements.list(users.of("admin"), null, null, 0, 10, Locale.ENGLISH).items().forEach(summary ->
          byCountry.put(summary.country().code(), engagements.get(summary.id(), users.of("admin"), Locale.ENGLISH)));
      assertThat(byCountry.get("BHS").phases()).extracting(p -> p.id()).containsExactly("P1");
      assertThat(byCountry.get("ZMB").phases()).extracting(p -> p.id()).containsExactly("P2");
      assertThat(byCountry.get("MAR").phases()).extracting(p -> p.id()).containsExactly("P3");
      assertThat(byCountry.get("RWA").phases()).extracting(p -> p.id()).containsExactly("P4", "P5");
      assertThat(byCountry.get("RWA").overdueTasks()).isPositive();
      assertThat(byCountry.get("MAR").openTasks()).extracting(t -> t.name())
          .containsExactly("Give feedback on the draft (Civil society)");

      assertThat(identity.checkPassword("itu.amina", "demo")).isTrue();
      assertThat(identity.checkPassword("mar.lead", "demo")).isTrue();
      assertThat(identity.createTenantQuery().userMember("itu.amina").list()).extracting(Tenant::getId)
          .containsExactlyInAnyOrder("MAR", "RWA");
      assertThat(identity.createTenantQuery().userMember("mar.lead").list()).extracting(Tenant::getId)
          .containsExactly("MAR");
      assertThat(users.of("wb.sofia").groups()).contains("wb-cofacilitator");

      // the work waiting for the users the README points a newcomer to, once the job executor has run the timers
      // that fell due while the demo's story went by (reminders, escalations)
      ManagementService jobs = demo.getBean(ProcessEngine.class).getManagementService();
      for (Job due : jobs.createJobQuery().executable().list()) {
        jobs.executeJob(due.getId());
      }
      TaskInbox inbox = demo.getBean(TaskInbox.class);
      assertThat(inboxOf(inbox, users, identity, "mar.civil"))
          .containsExactly("Give feedback on the draft (Civil society)");
      assertThat(inboxOf(inbox, users, identity, "rwa.lead")).contains("Compile the action plan");
      assertThat(inboxOf(inbox, users, identity, "zmb.lead")).contains("Assess the cyber-risk landscape");
      assertThat(inboxOf(inbox, users, identity, "bhs.lead")).contains("Establish the steering committee");
      assertThat(inboxOf(inbox, users, identity, "itu.amina")).isNotEmpty()
          .allSatisfy(name -> assertThat(name).startsWith("Follow up: "));
      assertThat(inboxOf(inbox, users, identity, "mar.lead")).isEmpty();
      // Morocco's consultation so far: comments of the public and the private sector, none of civil society yet
      ConsultationRecord consultation = demo.getBean(Consultations.class)
          .record(byCountry.get("MAR").engagement().id(), true, users.of("mar.lead"));
      assertThat(consultation.rounds()).hasSize(1);
      assertThat(consultation.rounds().get(0).items()).extracting(ItemView::group)
          .contains("private-sector", "public-sector").doesNotContain("civil-society");
      // benchmarking: Rwanda's scorecard is its progress assessment, the second of two validated; Morocco's
      // baseline was validated in stocktaking and its reading of the draft waits for validation
      Assessments assessments = demo.getBean(Assessments.class);
      String rwandaId = byCountry.get("RWA").engagement().id();
      assertThat(assessments.list(rwandaId, users.of("rwa.lead"))).extracting(AssessmentSummary::kind,
          AssessmentSummary::state).containsExactly(tuple("PROGRESS", "VALIDATED"), tuple("BASELINE", "VALIDATED"));
      assertThat(demo.getBean(Scorecards.class).of(rwandaId, users.of("rwa.lead")).assessment().kind())
          .isEqualTo("PROGRESS");
      assertThat(assessments.list(byCountry.get("MAR").engagement().id(), users.of("mar.lead")))
          .extracting(AssessmentSummary::kind, AssessmentSummary::state)
          .containsExactly(tuple("AD_HOC", "SUBMITTED"), tuple("BASELINE", "VALIDATED"));
      // Zambia's landscape assessment waits for its baseline, which the team is rating
      List<AssessmentSummary> zambia = assessments.list(byCountry.get("ZMB").engagement().id(),
          users.of("zmb.lead"));
      assertThat(zambia).extracting(AssessmentSummary::kind, AssessmentSummary::state)
          .containsExactly(tuple("BASELINE", "DRAFT"));
      assertThat(assessments.get(zambia.get(0).engagementId(), zambia.get(0).id(), users.of("zmb.lead")).ratings())
          .hasSize(12);
      assertThat(inboxOf(inbox, users, identity, "zmb.lead")).contains("Assess the national cybersecurity landscape");
      // the demo's history is dated along its story, not at the moment it was loaded
      EngagementDetail rwanda = byCountry.get("RWA");
      assertThat(rwanda.engagement().createdAt()).isBefore(Instant.now().minus(Duration.ofDays(150)));

      walkThroughTheActionPlan(demo, rwandaId);
    }

    try (ConfigurableApplicationContext again = start(args)) {
      assertThat(again.getBean(Engagements.class).count()).isEqualTo(4);
    }
  }

  @Test
  void thePostgresProfileLoadsNoDemoUnlessAskedTo() throws Exception {
    StandardEnvironment postgres = new StandardEnvironment();
    new YamlPropertySourceLoader().load("postgres", new ClassPathResource("application-postgres.yaml"))
        .forEach(postgres.getPropertySources()::addFirst);

    assertThat(postgres.getProperty("ncs.demo.enabled", Boolean.class)).isFalse();
  }

  /**
   * The walk-through the README gives: Rwanda's team turns the two weakest gaps into initiatives and submits the
   * plan; the World Bank's co-facilitator asks for a change on one of them; the team revises and submits again; she
   * approves; the team's first progress report gives the plan its timeliness and effectiveness.
   */
  private static void walkThroughTheActionPlan(ConfigurableApplicationContext demo, String rwanda) {
    CurrentUsers users = demo.getBean(CurrentUsers.class);
    IdentityService identity = demo.getBean(ProcessEngine.class).getIdentityService();
    TaskInbox inbox = demo.getBean(TaskInbox.class);
    ActionPlans plans = demo.getBean(ActionPlans.class);
    PlanReviews reviews = demo.getBean(PlanReviews.class);
    CurrentUser lead = users.of("rwa.lead");
    CurrentUser sofia = users.of("wb.sofia");

    List<InitiativeView> drafted = demo.getBean(Scorecards.class).candidates(rwanda, 2, lead).stream()
        .map(gap -> plans.fromGap(rwanda, gap.elementId(), lead)).toList();
    assertThat(drafted).hasSize(2).allSatisfy(draft -> assertThat(draft.leadAgency()).isNull());
    for (InitiativeView draft : drafted) {
      plans.change(rwanda, draft.id(), request(draft, List.of()), lead);
    }
    complete(inbox, identity, lead, "Compile the action plan", Map.of());
    reviews.comment(rwanda, 1, new PlanCommentRequest(drafted.get(0).id(),
        "Cost this initiative: a budget line with its source of funding."), sofia);
    complete(inbox, identity, sofia, "Review the action plan", Map.of("actionPlanDecision", "changes-requested"));
    plans.change(rwanda, drafted.get(0).id(), request(plans.initiative(rwanda, drafted.get(0).id(), lead),
        List.of(new BudgetLineRequest(null, "Staff and tools", new BigDecimal("850000"), "USD",
            Funding.NATIONAL_BUDGET, true))), lead);
    complete(inbox, identity, lead, "Compile the action plan", Map.of());
    assertThat(reviews.version(rwanda, 2, sofia).changes().changed()).singleElement()
        .satisfies(change -> assertThat(change.fields()).extracting(FieldChange::field)
            .containsExactly("budget.description", "budget.amount", "budget.currency", "budget.funding",
                "budget.committed"));
    complete(inbox, identity, sofia, "Review the action plan", Map.of("actionPlanDecision", "approved"));
    assertThat(reviews.versions(rwanda, lead)).extracting(VersionSummary::decision)
        .containsExactly(Decision.CHANGES_REQUESTED, Decision.APPROVED);

    ProgressReports reports = demo.getBean(ProgressReports.class);
    ProgressReportRequest draft = reports.draft(rwanda, lead);
    reports.submit(rwanda, new ProgressReportRequest(draft.periodEnd(), draft.entries().stream()
        .map(entry -> new ProgressEntry(entry.initiativeId(), Status.ON_TRACK, "Under way.",
            plans.initiative(rwanda, entry.initiativeId(), lead).kpis().stream()
                .map(kpi -> new ActualValue(kpi.key(), kpi.baseline().add(BigDecimal.ONE))).toList(),
            List.of(), List.of())).toList()), lead);
    PlanFigures figures = reports.progress(rwanda, lead).latest();
    assertThat(figures.overall().initiativesPercent()).isNotNull();
    assertThat(figures.overall().effectivenessPercent()).isPositive();
  }

  /** The initiative as it is, with its lead agency named and the budget lines given. */
  private static InitiativeRequest request(InitiativeView initiative, List<BudgetLineRequest> budget) {
    return new InitiativeRequest(initiative.title(), initiative.objective(), initiative.focusArea().id(),
        initiative.elements().stream().map(GuideRef::id).toList(), "Rwanda Information Society Authority",
        List.of("National Cyber Security Authority"), initiative.priority(), initiative.status(),
        initiative.startDate(), initiative.endDate(), List.of(), budget,
        initiative.kpis().stream().map(kpi -> new KpiRequest(kpi.key(), kpi.indicator(), kpi.unit(),
            kpi.baseline(), kpi.target(), kpi.targetDate(), kpi.kind())).toList(), null);
  }

  /** Completes the user's open task of that name, as the inbox would. */
  private static void complete(TaskInbox inbox, IdentityService identity, CurrentUser user, String name,
      Map<String, Object> answers) {
    identity.setAuthentication(user.id(), List.copyOf(user.groups()), List.copyOf(user.tenants()));
    try {
      OpenTask task = inbox.list(user, null, null, null, false, 0, 50).items().stream()
          .filter(open -> open.name().equals(name)).findFirst().orElseThrow();
      inbox.complete(task.id(), answers, user);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<String> inboxOf(TaskInbox inbox, CurrentUsers users, IdentityService identity, String login) {
    CurrentUser user = users.of(login);
    identity.setAuthentication(user.id(), List.copyOf(user.groups()), List.copyOf(user.tenants()));
    try {
      return inbox.list(user, null, null, null, false, 0, 50).items().stream().map(OpenTask::name).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static ConfigurableApplicationContext start(String[] args) {
    return new SpringApplicationBuilder(NcsApplication.class).web(WebApplicationType.NONE).run(args);
  }
}
