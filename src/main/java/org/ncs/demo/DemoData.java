package org.ncs.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ncs.benchmark.AssessmentKind;
import org.ncs.benchmark.Assessments;
import org.ncs.benchmark.BenchmarkRequests.NewAssessment;
import org.ncs.benchmark.BenchmarkRequests.NewEvidence;
import org.ncs.benchmark.BenchmarkRequests.RatingRequest;
import org.ncs.benchmark.EvidenceKind;
import org.ncs.benchmark.EvidenceRegister;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Element;
import org.ncs.consultation.ConsultationRequests.NewDisposition;
import org.ncs.consultation.ConsultationRequests.NewItem;
import org.ncs.consultation.Consultations;
import org.ncs.consultation.Disposition;
import org.ncs.engagement.EngagementRequests.NewEngagement;
import org.ncs.engagement.EngagementRequests.NewMember;
import org.ncs.engagement.EngagementRequests.NewPerson;
import org.ncs.engagement.EngagementRequests.NewStakeholder;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.FormField;
import org.ncs.lifecycle.TaskDetail;
import org.ncs.lifecycle.TaskInbox;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A living system for a newcomer: on an empty database (the embedded default, never the {@code postgres}
 * profile unless asked for), users for every role and four engagements at different points of the lifecycle,
 * started in the past so that some tasks are overdue and escalated. The work is done through the same services
 * as real work, as the people who would do it.
 */
@Component
@ConditionalOnProperty(name = "ncs.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final Pattern LATER = Pattern.compile("\\{today\\+(\\d+)}");

  private final Engagements engagements;
  private final TaskInbox inbox;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CurrentUsers users;
  private final Consultations consultations;
  private final Assessments assessments;
  private final EvidenceRegister evidence;
  private final Catalogue catalogue;
  private final String password;
  private final Map<String, Object> answers;

  DemoData(Engagements engagements, TaskInbox inbox, TaskService tasks, IdentityService identity,
      CurrentUsers users, Consultations consultations, Assessments assessments, EvidenceRegister evidence,
      Catalogue catalogue, @Value("${ncs.demo.password:demo}") String password) {
    this.consultations = consultations;
    this.assessments = assessments;
    this.evidence = evidence;
    this.catalogue = catalogue;
    this.engagements = engagements;
    this.inbox = inbox;
    this.tasks = tasks;
    this.identity = identity;
    this.users = users;
    this.password = password;
    this.answers = readAnswers();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (engagements.count() > 0) {
      return;
    }
    log.info("Empty database: loading the demo engagements (Rwanda, Morocco, Zambia, the Bahamas)");
    user("itu.amina", "Amina", "Diallo", Roles.ITU_OFFICER);
    user("itu.james", "James", "Okafor", Roles.ITU_OFFICER);
    user("wb.sofia", "Sofia", "Marquez", Roles.WB_COFACILITATOR);
    try {
      rwanda();
      morocco();
      zambia();
      bahamas();
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Adopted and being implemented: actions and metrics are defined, the action plan is overdue and still empty, for
   * the team to fill from the benchmark's gaps and submit to the World Bank.
   */
  private void rwanda() {
    Country rwa = new Country("RWA", "Rwanda", "itu.amina", 200);
    rwa.open("Rwanda National Cybersecurity Strategy 2027-2031", List.of("ITU", "World Bank"));
    rwa.partner("wb.sofia", Roles.WB_COFACILITATOR);
    rwa.stakeholder("Rwanda Bankers' Association", "private-sector", "bankers");
    rwa.stakeholder("University of Rwanda, College of Science and Technology", "academia", "university");
    initiation(rwa);
    // the landscape assessment's baseline, rated from the register's sources and validated before stocktaking ends
    List<String> sources = List.of(
        rwa.evidence(EvidenceKind.STRATEGY, "National Cybersecurity Strategy 2027-2031 (adopted text)",
            "https://www.example.org/rwanda/ncs-2027-2031.pdf", "sections 2 to 6", false),
        rwa.evidence(EvidenceKind.LAW, "Law establishing the national cybersecurity authority",
            "https://www.example.org/rwanda/official-gazette/cyber-authority", "articles 3 to 11", false),
        rwa.evidence(EvidenceKind.REPORT, "National cyber incident statistics 2025",
            "https://intranet.example.org/rwanda/csirt/statistics-2025", "tables 1 to 4", true));
    String baseline = rwa.stepAssessment();
    rwa.rate(baseline, sources, i -> (i * 5 + 1) % 4, i -> (i * 3 + 1) % 4, Integer.MAX_VALUE);
    rwa.submit(baseline);
    rwa.validate(baseline);
    stocktaking(rwa);
    rwa.complete("Task_DraftStrategy", "drafting", Map.of("consultationGroups", List.of("private-sector")));
    rwa.complete("Task_ProvideFeedback", "bankers", Map.of());
    rwa.dispositionAll(Disposition.ACCEPTED, "Taken up in the next draft: the coordination body gains a seat for "
        + "the financial sector.");
    rwa.complete("Task_DispositionFeedback", "drafting", Map.of("dispositionDecision", "submit"));
    rwa.complete("Task_ApproveStrategy", "executive", Map.of("approvalDecision", "adopted"));
    rwa.complete("Task_PublishStrategy", "lead", Map.of());
    rwa.complete("Task_EstablishMonitoring", "lead", Map.of());
    rwa.complete("Task_PrioritiseInitiatives", "lead", Map.of());
    rwa.complete("Task_DefineActions", "lead", Map.of());
    rwa.complete("Task_SetMetrics", "lead", Map.of());
    // a progress assessment since, so that the scorecard has a trend
    String progress = rwa.start(AssessmentKind.PROGRESS, 30);
    rwa.rate(progress, sources, i -> Math.min(3, (i * 5 + 1) % 4 + i % 2),
        i -> Math.min(5, (i * 3 + 1) % 4 + (i % 3 == 0 ? 0 : 1)), Integer.MAX_VALUE);
    rwa.submit(progress);
    rwa.validate(progress);
  }

  /**
   * Consulting stakeholders on the draft: the public and the private sector have commented, civil society has not
   * answered yet, past its due date.
   */
  private void morocco() {
    Country mar = new Country("MAR", "Morocco", "itu.amina", 150);
    mar.open("Stratégie nationale de cybersécurité 2027-2030", List.of("ITU"));
    mar.stakeholder("Ministère de la Transition numérique et de la Réforme de l'administration", "public-sector",
        "public");
    mar.stakeholder("Fédération des technologies de l'information", "private-sector", "private");
    mar.stakeholder("Association marocaine pour les droits numériques", "civil-society", "civil");
    initiation(mar);
    List<String> sources = List.of(
        mar.evidence(EvidenceKind.LAW, "Loi relative à la cybersécurité",
            "https://www.example.org/maroc/bulletin-officiel/cybersecurite", "articles 1 à 20", false),
        mar.evidence(EvidenceKind.POLICY, "Directive nationale de la sécurité des systèmes d'information",
            "https://www.example.org/maroc/dnssi", "chapitres 2 et 3", false));
    String baseline = mar.stepAssessment();
    mar.rate(baseline, sources, i -> (i * 7 + 2) % 4 / 2, i -> (i * 2 + 1) % 3 / 2, Integer.MAX_VALUE);
    mar.submit(baseline);
    mar.validate(baseline);
    stocktaking(mar);
    mar.complete("Task_DraftStrategy", "drafting",
        Map.of("consultationGroups", List.of("public-sector", "private-sector", "civil-society")));
    mar.comment("private", "2.3", "Name the national CERT as the single point of contact for incident reports "
        + "from operators, with a 72-hour reporting window.");
    mar.comment("private", "4.1", "The budget for awareness campaigns should include small and medium enterprises, "
        + "not only the public.");
    mar.complete("Task_ProvideFeedback", "private", Map.of());
    mar.comment("public", "3.2", "Ministries need a common minimum security baseline before 2028; say which "
        + "body sets it.");
    mar.complete("Task_ProvideFeedback", "public", Map.of());
    // the team's reading of the consultation draft, submitted and waiting for the ITU officer's validation
    String adHoc = mar.start(AssessmentKind.AD_HOC, 10);
    mar.rate(adHoc, sources, i -> (i * 7 + 2) % 4, i -> (i * 2 + 1) % 3, Integer.MAX_VALUE);
    mar.submit(adHoc);
  }

  /** A SADC country in stocktaking: the team is rating its baseline, and the risk assessment is under way. */
  private void zambia() {
    Country zmb = new Country("ZMB", "Zambia", "itu.james", 60);
    zmb.open("Zambia National Cybersecurity Strategy", List.of("ITU", "World Bank", "SADC Secretariat"));
    zmb.partner("wb.sofia", Roles.WB_COFACILITATOR);
    initiation(zmb);
    List<String> sources = List.of(zmb.evidence(EvidenceKind.LAW, "Cyber Security and Cyber Crimes Act",
        "https://www.example.org/zambia/cyber-security-and-cyber-crimes-act", "parts II and III", false));
    zmb.rate(zmb.stepAssessment(), sources, i -> i % 3, i -> i % 2, 12);
  }

  /** Just started: the lead authority has been named. */
  private void bahamas() {
    Country bhs = new Country("BHS", "Bahamas", "itu.james", 5);
    bhs.open("The Bahamas National Cybersecurity Strategy", List.of("ITU"));
    bhs.complete("Task_IdentifyLeadAuthority", "executive", Map.of());
  }

  private static void initiation(Country country) {
    country.complete("Task_IdentifyLeadAuthority", "executive", Map.of());
    country.complete("Task_EstablishSteeringCommittee", "lead", Map.of());
    country.complete("Task_EngageStakeholders", "lead", Map.of());
    country.complete("Task_PlanDevelopment", "lead", Map.of());
    country.complete("Task_ApprovePlan", "executive", Map.of("planDecision", "approved"));
  }

  private static void stocktaking(Country country) {
    country.complete("Task_AssessNationalLandscape", "lead", Map.of());
    country.complete("Task_AssessRiskLandscape", "lead", Map.of());
    country.complete("Task_ReportAnalysis", "lead", Map.of());
    country.complete("Task_ReviewAnalysis", "steering", Map.of("analysisDecision", "accepted"));
  }

  /** One demo country: its engagement, its ministry team, and a clock that starts some days ago. */
  private final class Country {

    private static final Map<String, String> TEAM = Map.of("executive", Roles.EXECUTIVE, "lead",
        Roles.LEAD_AUTHORITY, "steering", Roles.STEERING_COMMITTEE, "drafting", Roles.DRAFTING_TEAM, "me",
        Roles.ME_BODY);

    final String code;
    final String name;
    final String officer;
    Instant clock;
    String engagementId;

    Country(String code, String name, String officer, int daysAgo) {
      this.code = code;
      this.name = name;
      this.officer = officer;
      this.clock = Instant.now().minus(Duration.ofDays(daysAgo));
    }

    void open(String title, List<String> partners) {
      ClockUtil.setCurrentTime(Date.from(clock));
      engagementId = engagements.create(new NewEngagement(code, title, partners, LocalDate.of(2031, 12, 31), null,
          null, null, null), users.of(officer), Locale.ENGLISH).engagement().id();
      TEAM.forEach((login, role) -> {
        String id = code.toLowerCase(Locale.ROOT) + "." + login;
        user(id, name, role.replace('-', ' '), null);
        engagements.addMember(engagementId, new NewMember(id, role), users.of(officer));
      });
    }

    void partner(String userId, String role) {
      engagements.addMember(engagementId, new NewMember(userId, role), users.of(officer));
    }

    /** A registered organisation and the one person (a new stakeholder of the team) who answers for it. */
    void stakeholder(String organisation, String category, String login) {
      String id = code.toLowerCase(Locale.ROOT) + "." + login;
      user(id, name, organisation, null);
      engagements.addMember(engagementId, new NewMember(id, Roles.STAKEHOLDER), users.of(officer));
      String stakeholderId = engagements.addStakeholder(engagementId, new NewStakeholder(organisation, category,
          null, null), users.of(officer)).id();
      engagements.addPerson(engagementId, stakeholderId, new NewPerson(id), users.of(officer));
    }

    /** A source in the engagement's evidence register, recorded by the lead authority; answers its id. */
    String evidence(EvidenceKind kind, String title, String url, String reference, boolean confidential) {
      return evidence.add(engagementId, new NewEvidence(kind, title, url, null, reference, null, null, confidential),
          users.of(code.toLowerCase(Locale.ROOT) + ".lead")).id();
    }

    /** The assessment the open lifecycle step (the landscape assessment, a monitoring round) is waiting for. */
    String stepAssessment() {
      return assessments.list(engagementId, lead()).stream().filter(one -> !one.state().equals("VALIDATED"))
          .findFirst().orElseThrow().id();
    }

    /** An assessment the team starts as of some days ago. */
    String start(AssessmentKind kind, int daysAgo) {
      Instant asOf = Instant.now().minus(Duration.ofDays(daysAgo));
      ClockUtil.setCurrentTime(Date.from(asOf));
      clock = asOf;
      return assessments.create(engagementId, new NewAssessment(kind, asOf.atZone(ZoneOffset.UTC).toLocalDate()),
          lead()).id();
    }

    /**
     * The lead authority rates the first elements of the guide (the n-th by the two functions of n, citing the
     * sources above level 0).
     */
    void rate(String id, List<String> sources, IntUnaryOperator coverage, IntUnaryOperator implementation,
        int elementCount) {
      List<Element> elements = catalogue.current().elements().toList();
      for (int i = 0; i < Math.min(elements.size(), elementCount); i++) {
        int c = coverage.applyAsInt(i);
        int m = implementation.applyAsInt(i);
        List<String> cited = c > 0 || m > 0 ? List.of(sources.get(i % sources.size())) : List.of();
        assessments.rate(engagementId, id, elements.get(i).id(), new RatingRequest(c, m, false,
            "Rated from the register's sources in the team's workshop.", cited), lead());
      }
    }

    void submit(String id) {
      assessments.submit(engagementId, id, lead());
    }

    /** The country's ITU officer validates the submitted assessment two days later. */
    void validate(String id) {
      clock = clock.plus(Duration.ofDays(2));
      ClockUtil.setCurrentTime(Date.from(clock));
      assessments.validate(engagementId, id, users.of(officer));
    }

    private CurrentUser lead() {
      return users.of(code.toLowerCase(Locale.ROOT) + ".lead");
    }

    /** The person comments on the draft in their group's open feedback task. */
    void comment(String login, String reference, String comment) {
      CurrentUser person = users.of(code.toLowerCase(Locale.ROOT) + "." + login);
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(engagementId)
          .taskDefinitionKey("Task_ProvideFeedback").taskCandidateUser(person.id()).listPage(0, 1).get(0);
      consultations.comment(task.getId(), new NewItem(reference, comment), null, person);
    }

    /** The drafting team gives every comment of the open disposition task the same disposition. */
    void dispositionAll(Disposition disposition, String reason) {
      CurrentUser drafting = users.of(code.toLowerCase(Locale.ROOT) + ".drafting");
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(engagementId)
          .taskDefinitionKey("Task_DispositionFeedback").listPage(0, 1).get(0);
      consultations.forTask(task.getId(), drafting).orElseThrow().items().forEach(item ->
          consultations.disposition(task.getId(), item.id(), new NewDisposition(disposition, reason), drafting));
    }

    /** The team member completes the open task of this kind, a week after the previous step. */
    void complete(String taskKey, String login, Map<String, Object> decisions) {
      clock = clock.plus(Duration.ofDays(7));
      ClockUtil.setCurrentTime(Date.from(clock));
      CurrentUser person = users.of(code.toLowerCase(Locale.ROOT) + "." + login);
      // theirs: a stakeholder group's feedback task names its people
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(engagementId).taskDefinitionKey(taskKey)
          .taskCandidateUser(person.id()).listPage(0, 1).get(0);
      identity.setAuthentication(person.id(), List.copyOf(person.groups()), List.copyOf(person.tenants()));
      try {
        TaskDetail detail = inbox.get(task.getId(), person);
        Map<String, Object> values = new HashMap<>();
        for (FormField field : detail.fields()) {
          Object value = decisions.containsKey(field.key()) ? decisions.get(field.key()) : answer(field);
          if (value != null) {
            values.put(field.key(), value);
          }
        }
        inbox.complete(task.getId(), values, person);
      } finally {
        identity.clearAuthentication();
      }
    }

    private Object answer(FormField field) {
      Object value = answers.get(field.key());
      if (!(value instanceof String text)) {
        return value;
      }
      LocalDate today = clock.atZone(ZoneOffset.UTC).toLocalDate();
      Matcher later = LATER.matcher(text);
      return later.matches() ? today.plusDays(Long.parseLong(later.group(1))).toString()
          : text.replace("{today}", today.toString()).replace("{country}", name)
              .replace("{code}", code.toLowerCase(Locale.ROOT));
    }
  }

  private void user(String id, String firstName, String lastName, String globalRole) {
    User user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(id + "@demo.example.org");
    user.setPassword(password);
    identity.saveUser(user);
    if (globalRole != null) {
      identity.createMembership(id, globalRole);
    }
  }

  private static Map<String, Object> readAnswers() {
    try (InputStream in = new ClassPathResource("demo/answers.yaml").getInputStream()) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<HashMap<String, Object>>() { });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo answers", e);
    }
  }
}
