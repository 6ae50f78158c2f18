package org.ncs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
      assertThat(inboxOf(inbox, users, identity, "rwa.lead")).contains("Define actions and timeframes");
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
