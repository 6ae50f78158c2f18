package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ncs.catalogue.Catalogue;
import org.ncs.lifecycle.LifecycleDriver;
import org.ncs.security.Roles;
import org.ncs.testing.Api;
import org.ncs.testing.Browser;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.SampleFiles;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The service's own pages in a real, headless Chromium, as ministries and ITU officers use them: a ministry user's
 * day of work, a plan sent back for rework, an officer's portfolio, another country's page, every page in English
 * and in Arabic (right to left), checked by axe-core and weighed for slow links. Screenshots of every page in
 * both languages are saved under {@code target/browser}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserIT {

  /** What a page may transfer on a first visit and on a repeat visit, compressed, headers included. */
  static final long FIRST_VISIT_BUDGET = 150 * 1024;
  static final long REPEAT_VISIT_BUDGET = 30 * 1024;

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;
  @Autowired
  Catalogue catalogue;

  @LocalServerPort
  int port;

  Api officer;
  String officerId;
  String ours;
  String oursCountry;
  String theirs;
  String elsewhere;
  String executive;
  String lead;
  final List<Browser> browsers = new ArrayList<>();

  /**
   * An ITU officer with two engagements (one with its first task overdue), another officer's engagement, and
   * the executive and lead authority of the first.
   */
  @BeforeEach
  void engagements() {
    if (officer != null) {
      return;
    }
    officerId = TestUsers.create(engine, "itu", List.of(Roles.ITU_OFFICER), List.of());
    officer = new Api(http, json, officerId);
    oursCountry = TestCountries.next();
    ours = open(officer, oursCountry, "National Cybersecurity Strategy 2027-2031");
    theirs = open(officer, TestCountries.next(), "Cyber strategy");
    Api otherOfficer = new Api(http, json, TestUsers.create(engine, "itu", List.of(Roles.ITU_OFFICER), List.of()));
    elsewhere = open(otherOfficer, TestCountries.next(), "Somewhere else's strategy");
    executive = member(ours, "executive");
    lead = member(ours, "lead-authority");
    engine.getTaskService().setDueDate(task(ours, "Task_IdentifyLeadAuthority").getId(),
        Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));
  }

  @AfterAll
  void closeBrowsers() {
    browsers.forEach(Browser::close);
  }

  @Test
  void aMinistryUserCompletesAnOverdueTaskAfterFixingWhatTheFormRefusedAndTheEngagementMovesOn() {
    String engagement = open(officer, TestCountries.next(), "Strategy for the test");
    String person = member(engagement, "executive");
    Task first = task(engagement, "Task_IdentifyLeadAuthority");
    engine.getTaskService().setDueDate(first.getId(), Date.from(Instant.now().minus(2, ChronoUnit.DAYS)));
    Browser browser = browser().signIn(person, "en");

    WebElement row = browser.find("a[href='/tasks/" + first.getId() + "']").findElement(By.xpath("./ancestor::tr"));
    assertThat(row.getAttribute("class")).contains("overdue");
    assertThat(row.getText()).contains("Identify the lead project authority", "days overdue");
    browser.click(row.findElement(By.linkText("Identify the lead project authority")), "/tasks/" + first.getId());
    assertThat(browser.find("h1").getText()).isEqualTo("Identify the lead project authority");
    assertThat(browser.text()).contains("About this task", "Initiation", "Executive", "3.1.1");

    browser.find("input[name=mandateReference]").sendKeys("Decree 2027-14");
    browser.find("form[data-conditional] button[type=submit]").click();
    WebElement refused = browser.waitFor("#field-leadAuthorityName.invalid");
    assertThat(refused.findElement(By.cssSelector(".error-text")).getText()).isNotBlank();
    assertThat(browser.find("#input-mandateReference").getAttribute("value")).isEqualTo("Decree 2027-14");
    assertThat(browser.find("#error-summary").getText()).contains("1 answer needs your attention");
    assertThat(engine.getTaskService().createTaskQuery().taskId(first.getId()).count()).as("still open").isOne();
    assertThat(officer.get("/api/engagements/" + engagement + "/history").body().path("items")
        .findValuesAsText("action")).doesNotContain("TASK_COMPLETED");

    browser.find("#input-leadAuthorityName").sendKeys("National Cyber Security Agency");
    browser.find("#input-mandateUrl").sendKeys("https://gov.example/decree-2027-14.pdf");
    browser.click(browser.find("form[data-conditional] button[type=submit]"), "/");

    assertThat(browser.find(".alert[role=status]").getText()).contains("Done: Identify the lead project authority");
    browser.click(browser.driver().findElement(By.linkText("See where the engagement stands")),
        "/engagements/" + engagement);
    assertThat(browser.find("ol.phases li.current").getText()).contains("Initiation");
    assertThat(browser.find("#open").findElement(By.xpath("./following-sibling::div")).getText())
        .contains("Establish the steering committee", "Lead project authority");
    assertThat(task(engagement, "Task_EstablishSteeringCommittee")).isNotNull();
    assertThat(browser.text()).contains("completed “Identify the lead project authority”",
        "National Cyber Security Agency");
  }

  @Test
  void aPlanSentBackShowsWhyOnTheTaskThatReworksIt() {
    String engagement = open(officer, TestCountries.next(), "Strategy sent back");
    String person = member(engagement, "lead-authority");
    LifecycleDriver driver = new LifecycleDriver(engine);
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment")) {
      driver.complete(task(engagement, step), Map.of());
    }
    driver.complete(task(engagement, "Task_ApprovePlan"), Map.of("planDecision", "returned",
        "planReturnReasons", "Consult the private sector before the plan is approved."));
    Task rework = task(engagement, "Task_PlanDevelopment");
    Browser browser = browser().signIn(person, "en");

    browser.open("/tasks/" + rework.getId());

    String before = browser.find("section[aria-labelledby=before]").getText();
    assertThat(before).contains("What came before", "Approve the development plan", "Send it back with reasons",
        "Consult the private sector before the plan is approved.", "Plan the development of the strategy");
  }

  @Test
  void aPersonChoosesADailySummaryAtTheirHourInTheirTimeZone() {
    String engagement = open(officer, TestCountries.next(), "Strategy with a daily summary");
    String person = member(engagement, "lead-authority");
    Browser browser = browser().signIn(person, "en");
    browser.open("/notifications");

    browser.click(browser.find("a[href$='/notifications/settings']"), "/notifications/settings");
    browser.find("#delivery-DAILY").click();
    new Select(browser.find("#digestHour")).selectByValue("18");
    new Select(browser.find("#timeZone")).selectByValue("Africa/Kigali");
    browser.click(browser.find("main form button[type=submit]"), "/notifications/settings");

    assertThat(browser.waitFor("[role=status]").getText()).isEqualTo("Saved: this is how you are told from now on.");
    assertThat(browser.find("#delivery-DAILY").isSelected()).isTrue();
    assertThat(new Select(browser.find("#timeZone")).getFirstSelectedOption().getText()).isEqualTo("Africa/Kigali");
    JsonNode chosen = new Api(http, json, person).get("/api/notifications/preferences").body();
    assertThat(chosen.path("delivery").asText()).isEqualTo("DAILY");
    assertThat(chosen.path("digestHour").asInt()).isEqualTo(18);
    browser.screenshot("notification-settings-saved-en");
  }

  /**
   * A consultation round on the pages, as the ministry runs it: the drafting team uploads draft 1.0 on the draft
   * task and releases it to two groups, each group's person comments item by item, the drafting team gives every
   * comment its disposition and releases draft 1.1 answering them, and the lead authority opens the record with
   * its public log. The pages of each step are looked at in English and Arabic.
   */
  @Test
  void aDraftIsUploadedReleasedCommentedItemByItemDispositionedAndTheRecordPublished() throws Exception {
    String engagement = open(officer, TestCountries.next(), "Stratégie nationale de cybersécurité");
    String drafting = member(engagement, "drafting-team");
    String lead = member(engagement, "lead-authority");
    String business = member(engagement, "stakeholder");
    String citizen = member(engagement, "stakeholder");
    Map<String, String> people = Map.of("private-sector", business, "civil-society", citizen);
    people.forEach((group, person) -> {
      String organisation = officer.post("/api/engagements/" + engagement + "/stakeholders", Map.of(
          "organisation", group.equals("private-sector") ? "Fédération des technologies de l'information"
              : "Association pour les droits numériques", "category", group)).body().path("id").asText();
      assertThat(officer.post("/api/engagements/" + engagement + "/stakeholders/" + organisation + "/people",
          Map.of("userId", person)).status()).isEqualTo(201);
    });
    LifecycleDriver driver = new LifecycleDriver(engine);
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment", "Task_ApprovePlan", "Task_AssessNationalLandscape",
        "Task_AssessRiskLandscape", "Task_ReportAnalysis", "Task_ReviewAnalysis")) {
      driver.complete(task(engagement, step), Map.of("planDecision", "approved", "analysisDecision", "accepted"));
    }
    Path draft = Files.write(Files.createTempFile("draft-", ".pdf"), SampleFiles.pdf());
    List<String> problems = new ArrayList<>();

    // the drafting team uploads draft 1.0 on its task, picks it and releases it to two groups
    Browser team = browser().signIn(drafting, "en");
    String draftTask = task(engagement, "Task_DraftStrategy").getId();
    team.open("/tasks/" + draftTask);
    inspect(team, "draft-task", "en", problems);
    new Select(team.find("#t-kind")).selectByValue("strategy-draft");
    team.find("#t-title").sendKeys("Stratégie nationale de cybersécurité");
    team.find("#t-label").sendKeys("1.0");
    team.find("#t-file").sendKeys(draft.toString());
    team.click(team.find("form[action$='/documents'] button[type=submit]"), "/tasks/" + draftTask);
    assertThat(team.find(".alert[role=status]").getText()).isNotBlank();
    new Select(team.find("#input-draftDocument")).selectByVisibleText(
        "Stratégie nationale de cybersécurité, version 1.0 (" + draft.getFileName() + ")");
    team.find("#input-consultationGroups-1").click();
    team.find("#input-consultationGroups-3").click();
    team.click(team.find("form[data-conditional] button[type=submit]"), "/");

    // each group's person comments on their own task, item by item
    for (String person : List.of(business, citizen)) {
      Browser stakeholder = browser().signIn(person, "en");
      List<WebElement> mine = stakeholder.all("a[href^='/tasks/']");
      assertThat(mine).hasSize(1);
      String feedbackTask = mine.get(0).getAttribute("href").replaceAll(".*/tasks/", "");
      stakeholder.open("/tasks/" + feedbackTask);
      stakeholder.find("#f-reference").sendKeys("2.3");
      stakeholder.find("#f-comment").sendKeys(person.equals(business)
          ? "Name the national CERT as the single point of contact." : "Add privacy safeguards to every pillar.");
      stakeholder.click(stakeholder.find("form[action$='/feedback'] button[type=submit]"), "/tasks/" + feedbackTask);
      assertThat(stakeholder.all("ol.feedback li")).hasSize(1);
      if (person.equals(business)) {
        for (String language : List.of("en", "ar")) {
          Browser seen = language.equals("en") ? stakeholder : browser().signIn(person, language);
          seen.open("/tasks/" + feedbackTask);
          inspect(seen, "feedback-task", language, problems);
        }
      }
      stakeholder.click(stakeholder.find("form[data-conditional] button[type=submit]"), "/");
    }

    // the drafting team gives every comment its disposition; until then the task stays open
    String disposition = task(engagement, "Task_DispositionFeedback").getId();
    team.open("/tasks/" + disposition);
    assertThat(team.all("ol.feedback li.open")).hasSize(2);
    team.find("#input-dispositionDecision").click();
    team.find("form[data-conditional] button[type=submit]").click();
    assertThat(team.waitFor("#field-dispositionDecision.invalid").getText()).contains("2");
    for (String item : team.all("ol.feedback li").stream().map(li -> li.getAttribute("id").substring(5)).toList()) {
      new Select(team.find("#d-" + item)).selectByValue("ACCEPTED");
      team.find("#r-" + item).sendKeys("Taken up in draft 1.1.");
      team.click(team.find("#item-" + item + " form.disposition-form button"), "/tasks/" + disposition);
    }
    assertThat(team.all("ol.feedback li.open")).isEmpty();
    for (String language : List.of("en", "ar")) {
      Browser seen = language.equals("en") ? team : browser().signIn(drafting, language);
      seen.open("/tasks/" + disposition);
      inspect(seen, "disposition-task", language, problems);
    }
    team.open("/tasks/" + disposition);
    team.find("#input-dispositionDecision").click();
    team.click(team.find("form[data-conditional] button[type=submit]"), "/");

    // draft 1.1, a new version of the same document, answers them
    String nextDraft = task(engagement, "Task_DraftStrategy").getId();
    team.open("/tasks/" + nextDraft);
    team.find("#upload details summary").click();
    team.find("#t-v-label").sendKeys("1.1");
    team.find("#t-v-file").sendKeys(draft.toString());
    team.click(team.find("form[action$='/documents/versions'] button[type=submit]"), "/tasks/" + nextDraft);
    new Select(team.find("#input-draftDocument")).selectByVisibleText(
        "Stratégie nationale de cybersécurité, version 1.1 (" + draft.getFileName() + ")");
    team.find("#input-consultationGroups-1").click();
    team.click(team.find("form[data-conditional] button[type=submit]"), "/");

    // the lead authority opens the record: both rounds, the comments answered by 1.1, the public log
    Browser leader = browser().signIn(lead, "en");
    leader.open("/engagements/" + engagement);
    leader.click(leader.driver().findElement(By.linkText("Comments and dispositions")),
        "/engagements/" + engagement + "/consultation");
    assertThat(leader.text()).contains("Round 1: draft 1.0", "Round 2: draft 1.1", "single point of contact",
        "Accepted", business);
    String publicCsv = leader.find("a[href$='log.csv?public=true']").getAttribute("href");
    String csv = http.withBasicAuth(lead, TestUsers.PASSWORD).getForObject(publicCsv.replaceAll("^https?://[^/]+",
        ""), String.class);
    assertThat(csv).contains("single point of contact", "1.1").doesNotContain(business, citizen, drafting);
    for (String language : List.of("en", "ar")) {
      Browser seen = language.equals("en") ? leader : browser().signIn(lead, language);
      seen.open("/engagements/" + engagement + "/consultation");
      inspect(seen, "consultation-record", language, problems);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void anItuOfficersPortfolioShowsExactlyTheirCountriesAndAnotherCountrysPageIsNotFound() {
    Set<String> theirCountries = new HashSet<>();
    officer.get("/api/engagements?size=100").body().path("items")
        .forEach(item -> theirCountries.add(item.path("country").path("code").asText()));
    Browser browser = browser().signIn(officerId, "en");

    browser.open("/portfolio");

    List<WebElement> rows = browser.all("#portfolio tbody tr");
    Set<String> shown = rows.stream().map(row -> row.findElement(By.cssSelector(".country")).getText())
        .collect(Collectors.toSet());
    assertThat(shown).isEqualTo(theirCountries).contains(oursCountry);
    WebElement overdue = rows.stream().filter(row -> row.getText().startsWith(oursCountry)).findFirst().orElseThrow();
    assertThat(overdue.getText()).contains("Initiation", "3.1.1");
    assertThat(overdue.findElement(By.cssSelector(".badge.overdue")).getText()).isEqualTo("1");
    assertThat(browser.text()).doesNotContain("Somewhere else's strategy");

    Browser ministry = browser().signIn(executive, "en");
    ministry.open("/engagements/" + theirs);
    assertThat(ministry.find("h1").getText()).isEqualTo("Not found");
    assertThat(ministry.text()).doesNotContain("Cyber strategy");
  }

  @Test
  void everyPageIsRightToLeftAndTranslatedInArabicAccessibleAndLightInEveryLanguage() {
    Map<String, Long> weights = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    assertThat(officer.upload("/api/engagements/" + ours + "/documents", Map.of("kind", "terms-of-reference",
        "title", "Terms of reference of the steering committee", "label", "1.0", "changeNote", "As adopted"),
        "terms.pdf", SampleFiles.pdf()).status()).isEqualTo(201);
    // the stakeholder registry with the person who answers for an organisation
    String organisation = officer.post("/api/engagements/" + ours + "/stakeholders", Map.of("organisation",
        "Chamber of Digital Commerce", "category", "private-sector")).body().path("id").asText();
    assertThat(officer.post("/api/engagements/" + ours + "/stakeholders/" + organisation + "/people",
        Map.of("userId", member(ours, "stakeholder"))).status()).isEqualTo(201);
    String scored = open(officer, TestCountries.next(), "Strategy with a validated assessment");
    String scorer = member(scored, "lead-authority");
    validatedAssessment(scored, scorer, "BASELINE", "2026-01-31", 0);
    String progress = validatedAssessment(scored, scorer, "PROGRESS", "2026-06-30", 1);
    actionPlanWithTwoReports(scored, new Api(http, json, scorer));
    // the monitoring body's round starts from the plan's latest progress report
    new LifecycleDriver(engine).jumpToMonitoringRound(scored);
    String firstInitiative = officer.get("/api/engagements/" + scored + "/action-plan").body().path("initiatives")
        .get(0).path("id").asText();
    // one plan sent back with comments, another's second version waiting for the World Bank
    String returned = open(officer, TestCountries.next(), "Strategy whose action plan was sent back");
    String returnedLead = member(returned, "lead-authority");
    planUnderReview(returned, returnedLead, false);
    String reviewed = open(officer, TestCountries.next(), "Strategy whose action plan is under review");
    String reviewer = planUnderReview(reviewed, member(reviewed, "lead-authority"), true);
    for (String language : List.of("en", "ar")) {
      Browser anonymous = browser();
      anonymous.open("/login");
      if (!language.equals("en")) {
        anonymous.chooseLanguage(language);
      }
      check(anonymous, "sign-in", "/login", language, weights, problems);
      check(anonymous, "unsubscribe-invalid", "/unsubscribe?token=expired", language, weights, problems);

      Browser ministry = browser().signIn(executive, language);
      String task = task(ours, "Task_IdentifyLeadAuthority").getId();
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("my-work", "/");
      pages.put("task", "/tasks/" + task);
      pages.put("engagement", "/engagements/" + ours);
      pages.put("documents", "/engagements/" + ours + "/documents");
      pages.put("notifications", "/notifications");
      pages.put("notification-settings", "/notifications/settings");
      pages.put("consultation-empty", "/engagements/" + ours + "/consultation");
      pages.put("guide", "/guide");
      pages.put("not-found", "/engagements/" + elsewhere);
      pages.forEach((name, path) -> check(ministry, name, path, language, weights, problems));

      Browser itu = browser().signIn(officerId, language);
      check(itu, "portfolio", "/portfolio", language, weights, problems);
      check(itu, "scorecard", "/engagements/" + scored + "/scorecard", language, weights, problems);
      check(itu, "scorecard-none", "/engagements/" + theirs + "/scorecard", language, weights, problems);
      check(itu, "assessment", "/engagements/" + scored + "/assessments/" + progress, language, weights, problems);
      check(itu, "rating", "/engagements/" + scored + "/assessments/" + progress + "/elements/FA2.E1", language,
          weights, problems);
      check(itu, "evidence", "/engagements/" + scored + "/evidence", language, weights, problems);
      check(itu, "index-pack", "/engagements/" + scored + "/index-pack", language, weights, problems);
      check(itu, "action-plan", "/engagements/" + scored + "/action-plan", language, weights, problems);
      check(itu, "action-plan-empty", "/engagements/" + theirs + "/action-plan", language, weights, problems);
      check(itu, "action-plan-version", "/engagements/" + reviewed + "/action-plan/versions/1", language, weights,
          problems);
      check(itu, "engagement-implementation", "/engagements/" + reviewed, language, weights, problems);
      check(itu, "monitoring-round", "/tasks/" + task(scored, "Task_MonitorProgress").getId(), language, weights,
          problems);
      // the late initiative of the last report is named, and slippage proposed
      assertThat(itu.find("input[name=slippage][value=slippage]").isSelected()).isTrue();
      assertThat(itu.text()).contains("I-2");
      check(browser().signIn(reviewer, language), "action-plan-review",
          "/tasks/" + task(reviewed, "Task_ReviewActionPlan").getId(), language, weights, problems);
      check(browser().signIn(returnedLead, language), "action-plan-rework",
          "/tasks/" + task(returned, "Task_DevelopActionPlan").getId(), language, weights, problems);
      // the team's own pages: the plan with its gaps to draft from, an initiative, the progress report, and a new
      // initiative refused field by field
      Browser team = browser().signIn(scorer, language);
      check(team, "action-plan-team", "/engagements/" + scored + "/action-plan", language, weights, problems);
      check(team, "initiative", "/engagements/" + scored + "/action-plan/initiatives/" + firstInitiative, language,
          weights, problems);
      check(team, "progress-report", "/engagements/" + scored + "/action-plan/progress-reports/new", language,
          weights, problems);
      team.open("/engagements/" + scored + "/action-plan/initiatives/new");
      team.find("#input-title").sendKeys("Harden government e-mail");
      // an end before the start (dates set as the date picker would: its typing order depends on the language)
      team.script("document.getElementById('input-startDate').value = '2028-01-01';"
          + "document.getElementById('input-endDate').value = '2027-01-01';");
      team.find("form.card button[type=submit]").click();
      team.waitFor("#error-summary");
      team.settle();
      // what was typed stays, and each refusal is beside its input
      assertThat(team.find("#input-title").getAttribute("value")).isEqualTo("Harden government e-mail");
      assertThat(team.find("#input-startDate").getAttribute("value")).isEqualTo("2028-01-01");
      assertThat(team.find("#field-leadAgency .error-text").getText()).isNotBlank();
      inspect(team, "initiative-refused", language, problems);
      // the team form as the officer sees it after a refusal: the error beside its field
      itu.open("/engagements/" + ours);
      itu.find("#member-user").sendKeys("nobody-of-this-service");
      itu.find("form[action$='/members'] button[type=submit]").click();
      itu.waitFor("#member-user-error");
      itu.settle();
      inspect(itu, "engagement-refused", language, problems);
      itu.open("/camunda/app/cockpit/default/");
      check(itu, "camunda-refused", "/camunda/app/cockpit/default/", language, weights, problems);
    }
    // the co-facilitator comments on an initiative from her task: a blank comment is refused beside its box, a
    // comment appears under the initiative, and she can take it back while the version waits for her decision
    Browser bank = browser().signIn(reviewer, "en");
    String reviewTask = "/tasks/" + task(reviewed, "Task_ReviewActionPlan").getId();
    bank.open(reviewTask);
    WebElement box = bank.all("article.initiative-review form").get(0);
    box.findElement(By.cssSelector("button[type=submit]")).click();
    bank.waitFor("article.initiative-review .error-text");
    bank.all("article.initiative-review textarea").get(0).sendKeys("Name the CERT's head and fund its second year.");
    bank.all("article.initiative-review form button[type=submit]").get(0).click();
    bank.waitFor("article.initiative-review ul.comments");
    assertThat(bank.find("article.initiative-review ul.comments").getText())
        .contains("Name the CERT's head and fund its second year.");
    WebElement takeBack = bank.find("article.initiative-review ul.comments form button");
    takeBack.click();
    new WebDriverWait(bank.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(takeBack));
    bank.settle();
    assertThat(bank.all("article.initiative-review ul.comments")).isEmpty();
    weights.forEach((page, bytes) -> System.out.printf("page weight %-28s %,9d bytes%n", page, bytes));
    assertThat(problems).isEmpty();
    weights.forEach((page, bytes) -> assertThat(bytes).as(page)
        .isLessThanOrEqualTo(page.endsWith("repeat") ? REPEAT_VISIT_BUDGET : FIRST_VISIT_BUDGET));
  }

  @Test
  void theTeamRatesTheBaselineItsLandscapeStepOpenedElementByElementWithEvidenceAndSubmitsIt() throws Exception {
    String engagement = open(officer, TestCountries.next(), "Strategy rated in the pages");
    String person = member(engagement, "lead-authority");
    LifecycleDriver driver = new LifecycleDriver(engine);
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment", "Task_ApprovePlan")) {
      driver.complete(task(engagement, step), Map.of("planDecision", "approved"));
    }
    String landscape = task(engagement, "Task_AssessNationalLandscape").getId();
    List<String> problems = new ArrayList<>();
    Browser arabic = browser().signIn(person, "ar");
    arabic.open("/tasks/" + landscape);
    inspect(arabic, "task-assessment", "ar", problems);
    Browser browser = browser().signIn(person, "en");
    browser.open("/tasks/" + landscape);
    inspect(browser, "task-assessment", "en", problems);
    assertThat(browser.find("#field-assessment").getText()).contains("This step needs a validated assessment: "
        + "Baseline assessment", "Draft", "0 of 34 elements rated");
    String base = "/engagements/" + engagement;
    String assessment = browser.find("#field-assessment a.button").getAttribute("href").replaceAll(".*/", "");

    // a source for the register, refused first without its address
    browser.open(base + "/evidence");
    browser.find("#title").sendKeys("Cybersecurity Act 2024");
    browser.click(browser.find("form[action$='/evidence'] button[type=submit]"), base + "/evidence");
    assertThat(browser.waitFor("#url-error").getText()).isNotBlank();
    browser.find("#url").sendKeys("https://gazette.example.org/acts/2024/7");
    browser.click(browser.find("form[action$='/evidence'] button[type=submit]"), base + "/evidence");
    assertThat(browser.waitFor("[role=status]").getText()).isEqualTo("Source recorded in the register.");
    // a file uploaded with its source is kept among the engagement's documents and cited from there
    Path report = Files.createTempFile("csirt-report", ".pdf");
    Files.write(report, SampleFiles.pdf());
    browser.find("#title").sendKeys("National CSIRT annual report 2025");
    new Select(browser.find("#kind")).selectByValue("REPORT");
    browser.find("#file").sendKeys(report.toString());
    browser.click(browser.find("form[action$='/evidence'] button[type=submit]"), base + "/evidence");
    assertThat(browser.waitFor("[role=status]").getText()).isEqualTo("Source recorded in the register.");
    JsonNode uploaded = new Api(http, json, person).get("/api" + base + "/evidence").body().get(0);
    assertThat(uploaded.path("title").asText()).isEqualTo("National CSIRT annual report 2025");
    assertThat(uploaded.path("link").asText()).startsWith("/api" + base + "/files/");
    assertThat(new Api(http, json, person).get("/api" + base + "/documents").body().findValuesAsText("kind"))
        .contains("evidence");
    inspect(browser, "evidence-register", "en", problems);

    // the first element: a level above 0 without evidence is refused beside the evidence, then saved with it
    String first = base + "/assessments/" + assessment + "/elements/FA1.E1";
    browser.open(first);
    browser.find("input[name=coverage][value='2']").click();
    browser.find("input[name=implementation][value='3']").click();
    browser.find("#rationale").sendKeys("The act names the authority and its mandate.");
    browser.click(browser.find("form[action$='/FA1.E1'] button[type=submit]"), first);
    assertThat(browser.waitFor("fieldset.invalid .error-text").getText())
        .isEqualTo("a level above 0 needs at least one item of evidence from the register");
    assertThat(browser.find("input[name=coverage][value='2']").isSelected()).isTrue();
    inspect(browser, "rating-refused", "en", problems);
    browser.find("input[name=evidence]").click();
    browser.click(browser.find("form[action$='/FA1.E1'] button[type=submit]"),
        base + "/assessments/" + assessment + "/elements/FA1.E2");
    assertThat(browser.waitFor("[role=status]").getText()).isEqualTo("Rating saved.");

    // not every element is rated: the submission is refused and says how many are left
    browser.open(base + "/assessments/" + assessment);
    browser.click(browser.find("form[action$='/submit'] button[type=submit]"), base + "/assessments/" + assessment);
    assertThat(browser.waitFor("[role=alert]").getText()).contains("33 elements are not rated");
    Api team = new Api(http, json, person);
    JsonNode rated = team.get("/api" + base + "/assessments/" + assessment).body().path("ratings").path("FA1.E1");
    assertThat(rated.path("coverage").asInt()).isEqualTo(2);
    assertThat(rated.path("implementation").asInt()).isEqualTo(3);
    assertThat(rated.path("evidence")).hasSize(1);
    catalogue.current().elements().filter(element -> !element.id().equals("FA1.E1")).forEach(element ->
        assertThat(team.exchange(HttpMethod.PUT, "/api" + base + "/assessments/" + assessment + "/ratings/"
            + element.id(), Map.of("coverage", 0, "implementation", 0)).status()).isEqualTo(200));
    browser.open(base + "/assessments/" + assessment);
    inspect(browser, "assessment-draft", "en", problems);
    arabic.open(base + "/assessments/" + assessment);
    inspect(arabic, "assessment-draft", "ar", problems);
    browser.click(browser.find("form[action$='/submit'] button[type=submit]"), base + "/assessments/" + assessment);
    assertThat(browser.waitFor("[role=status]").getText()).startsWith("Submitted");
    browser.open("/tasks/" + landscape);
    assertThat(browser.find("#field-assessment").getText()).contains("Submitted for validation");
    assertThat(problems).isEmpty();
  }

  @Test
  void anItuOfficerReturnsASubmittedAssessmentOnlyWithReasonsAndValidatesItOnItsScorecard() {
    String engagement = open(officer, TestCountries.next(), "Strategy with an assessment to validate");
    String team = member(engagement, "lead-authority");
    String assessment = submittedAssessment(engagement, team, "BASELINE", "2026-09-30", 0);
    Browser arabic = browser().signIn(officerId, "ar");
    arabic.open("/engagements/" + engagement + "/scorecard");
    arabic.screenshot("scorecard-review-ar");
    Browser browser = browser().signIn(officerId, "en");
    browser.open("/engagements/" + engagement + "/scorecard");
    assertThat(browser.find("#review-title").getText()).isEqualTo("Waiting for your validation");

    // sent back without a reason: refused beside the field, nothing changes
    browser.click(browser.find("form[action$='/return'] button[type=submit]"),
        "/engagements/" + engagement + "/scorecard");
    assertThat(browser.waitFor("#reasons-error").getText()).isNotBlank();
    browser.screenshot("scorecard-review-en");
    browser.click(browser.find("form[action$='/validate'] button[type=submit]"),
        "/engagements/" + engagement + "/scorecard");

    assertThat(browser.waitFor("[role=status]").getText())
        .isEqualTo("Validated: the assessment counts from now on and is frozen.");
    assertThat(browser.all("#review-title")).isEmpty();
    assertThat(browser.find("#coverage-title").getText()).isEqualTo("Coverage of the strategy");
    assertThat(new Api(http, json, team).get("/api/engagements/" + engagement + "/assessments/" + assessment)
        .body().path("assessment").path("state").asText()).isEqualTo("VALIDATED");
  }

  /**
   * An assessment of the engagement rated by its lead authority (levels raised by {@code progress} over a
   * baseline: a few gaps, one element not applicable) and submitted: it waits for validation.
   */
  private String submittedAssessment(String engagement, String team, String kind, String asOf, int progress) {
    Api lead = new Api(http, json, team);
    String base = "/api/engagements/" + engagement;
    String law = lead.post(base + "/evidence", Map.of("kind", "LAW", "title", "Cybersecurity and Data Protection Act",
        "url", "https://gazette.example.org/acts/2024/7", "reference", "articles 3 to 12")).body().path("id").asText();
    String assessment = lead.post(base + "/assessments", Map.of("kind", kind, "asOf", asOf)).body()
        .path("id").asText();
    List<String> elements = new ArrayList<>();
    catalogue.current().elements().forEach(element -> elements.add(element.id()));
    for (int i = 0; i < elements.size(); i++) {
      Map<String, Object> rating = elements.get(i).equals("FA7.E1")
          ? Map.of("notApplicable", true, "rationale", "No space industry in the country.")
          : Map.of("coverage", Math.min(3, (i * 7) % 4 + progress * (i % 2)),
              "implementation", Math.min(5, (i * 5) % 6 + progress), "rationale", "As the act shows.",
              "evidence", List.of(law));
      assertThat(lead.exchange(HttpMethod.PUT, base + "/assessments/" + assessment + "/ratings/" + elements.get(i),
          rating).status()).isEqualTo(200);
    }
    assertThat(lead.post(base + "/assessments/" + assessment + "/submit", null).status()).isEqualTo(200);
    return assessment;
  }

  /** The same, validated by the ITU officer; answers its id. */
  /**
   * An action plan of two initiatives, one from the weakest gap, with milestones, budget lines in two currencies
   * and indicators, and two progress reports: the page's figures, chart and timeline have something to show.
   */
  private static void actionPlanWithTwoReports(String engagement, Api team) {
    String plan = "/api/engagements/" + engagement + "/action-plan";
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String gap = team.get("/api/engagements/" + engagement + "/candidate-initiatives?limit=1").body().get(0)
        .path("elementId").asText();
    String drafted = team.post(plan + "/initiatives/from-gap", Map.of("elementId", gap)).body().path("id").asText();
    Map<String, Object> initiative = new HashMap<>(Map.of("title", "Establish the national CERT",
        "objective", "A national CERT that handles incidents around the clock", "focusArea", "FA2",
        "elements", List.of("FA2.E1"), "leadAgency", "National Cybersecurity Agency",
        "contributingAgencies", List.of("Ministry of ICT"), "priority", "HIGH",
        "startDate", today.minusDays(300).toString(), "endDate", today.plusDays(400).toString()));
    initiative.put("milestones", List.of(Map.of("title", "CERT staffed", "dueDate", today.minusDays(60).toString()),
        Map.of("title", "CERT joins FIRST", "dueDate", today.plusDays(200).toString())));
    initiative.put("budget", List.of(Map.of("amount", 1250000, "currency", "USD", "funding", "NATIONAL_BUDGET",
        "committed", true), Map.of("amount", 300000, "currency", "EUR", "funding", "DONOR", "committed", false)));
    initiative.put("kpis", List.of(Map.of("indicator", "Serious incidents unresolved after 30 days", "unit",
        "incidents", "baseline", 120, "target", 20, "targetDate", today.plusDays(400).toString(), "kind",
        "OUTCOME")));
    JsonNode cert = team.post(plan + "/initiatives", initiative).body();
    assertThat(cert.path("id").isTextual()).as(cert.toString()).isTrue();
    String milestone = cert.path("milestones").get(0).path("key").asText();
    String indicator = cert.path("kpis").get(0).path("key").asText();
    for (int report = 0; report < 2; report++) {
      Map<String, Object> certEntry = new HashMap<>(Map.of("initiativeId", cert.path("id").asText(),
          "status", report == 0 ? "ON_TRACK" : "AT_RISK", "kpis", List.of(Map.of("key", indicator,
              "actual", report == 0 ? 100 : 70)), "spend", List.of(Map.of("currency", "USD",
              "amount", report == 0 ? 200000 : 500000))));
      if (report == 1) {
        certEntry.put("milestones", List.of(Map.of("key", milestone, "reachedOn",
            today.minusDays(40).toString())));
      }
      Api.Response sent = team.post(plan + "/progress-reports", Map.of("periodEnd",
          today.minusDays(report == 0 ? 90 : 1).toString(), "entries", List.of(certEntry,
              Map.of("initiativeId", drafted, "status", "PLANNED"))));
      assertThat(sent.status()).as(sent.text()).isEqualTo(201);
    }
  }

  /**
   * An action plan of two initiatives compiled, commented on by the World Bank's co-facilitator and sent back; then,
   * if {@code resubmit}, revised and submitted again. Answers the co-facilitator.
   */
  private String planUnderReview(String engagement, String lead, boolean resubmit) {
    Api team = new Api(http, json, lead);
    String co = TestUsers.create(engine, "wb", List.of("wb-cofacilitator"), List.of());
    assertThat(officer.post("/api/engagements/" + engagement + "/members", Map.of("userId", co,
        "role", "wb-cofacilitator")).status()).isEqualTo(201);
    Api bank = new Api(http, json, co);
    String plan = "/api/engagements/" + engagement + "/action-plan";
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> cert = new HashMap<>(Map.of("title", "Establish the national CERT", "focusArea", "FA2",
        "elements", List.of("FA2.E1"), "leadAgency", "National Cybersecurity Agency", "priority", "HIGH",
        "startDate", today.toString(), "endDate", today.plusYears(3).toString(), "budget",
        List.of(Map.of("amount", 1250000, "currency", "USD", "funding", "NATIONAL_BUDGET", "committed", true))));
    String certId = team.post(plan + "/initiatives", cert).body().path("id").asText();
    team.post(plan + "/initiatives", Map.of("title", "Run a national awareness campaign", "focusArea", "FA4",
        "elements", List.of("FA4.E1"), "leadAgency", "Ministry of ICT", "priority", "MEDIUM",
        "startDate", today.toString(), "endDate", today.plusYears(2).toString()));
    LifecycleDriver driver = new LifecycleDriver(engine);
    driver.jumpToActionPlan(engagement);
    String compile = task(engagement, "Task_DevelopActionPlan").getId();
    assertThat(team.post("/api/tasks/" + compile + "/complete", Map.of("variables", Map.of())).status())
        .isEqualTo(204);
    assertThat(bank.post(plan + "/versions/1/comments", Map.of("initiativeId", certId, "body",
        "Say who staffs the CERT, and fund its second year.")).status()).isEqualTo(201);
    String review = task(engagement, "Task_ReviewActionPlan").getId();
    assertThat(bank.post("/api/tasks/" + review + "/complete", Map.of("variables", Map.of("actionPlanDecision",
        "changes-requested", "actionPlanComments", "Add an initiative on skills."))).status()).isEqualTo(204);
    if (resubmit) {
      cert.put("endDate", today.plusYears(4).toString());
      cert.put("contributingAgencies", List.of("Ministry of Public Service"));
      assertThat(team.exchange(HttpMethod.PUT, plan + "/initiatives/" + certId, cert).status()).isEqualTo(200);
      team.post(plan + "/initiatives", Map.of("title", "Train 500 cybersecurity professionals", "focusArea",
          "FA5", "elements", List.of("FA5.E1"), "leadAgency", "University of the country", "priority", "HIGH",
          "startDate", today.toString(), "endDate", today.plusYears(3).toString()));
      String again = task(engagement, "Task_DevelopActionPlan").getId();
      assertThat(team.post("/api/tasks/" + again + "/complete", Map.of("variables", Map.of())).status())
          .isEqualTo(204);
    }
    return co;
  }

  private String validatedAssessment(String engagement, String team, String kind, String asOf, int progress) {
    String assessment = submittedAssessment(engagement, team, kind, asOf, progress);
    assertThat(officer.post("/api/engagements/" + engagement + "/assessments/" + assessment + "/validate", null)
        .status()).isEqualTo(200);
    return assessment;
  }

  /** One page in one language: screenshot, direction, translation, accessibility, errors, and (in English) weight. */
  private void check(Browser browser, String name, String path, String language, Map<String, Long> weights,
      List<String> problems) {
    browser.open(path);
    inspect(browser, name, language, problems);
    if (language.equals("en")) {
      Map<String, Long> weight = browser.weight(path);
      weights.put(name + " first", weight.get("first"));
      weights.put(name + " repeat", weight.get("repeat"));
    }
  }

  /** The page the browser shows: screenshot, direction, translation, accessibility and errors. */
  private void inspect(Browser browser, String name, String language, List<String> problems) {
    browser.screenshot(name + "-" + language);
    String at = name + " (" + language + ")";
    String status = browser.find("main").getAttribute("data-status");
    if (status != null && status.startsWith("5")) {
      problems.add(at + ": the service failed to show it (" + status + ")");
    }
    String direction = (String) browser.script("return document.documentElement.dir");
    if (!direction.equals(language.equals("ar") ? "rtl" : "ltr")) {
      problems.add(at + ": direction " + direction);
    }
    if (language.equals("ar")) {
      untranslated(browser).forEach(text -> problems.add(at + ": not in Arabic: " + text));
    }
    browser.accessibilityViolations().forEach(violation -> problems.add(at + ": " + violation));
    browser.driver().manage().logs().get("browser").getAll().stream()
        .filter(entry -> entry.getMessage().contains("Content Security Policy")
            || entry.getMessage().contains("Uncaught"))
        .forEach(entry -> problems.add(at + ": " + entry.getMessage()));
  }

  /**
   * The interface's own words on the page that are not in Arabic: headings, labels, buttons, table headers,
   * badges and paragraphs, leaving out what is data (names, codes, numbers) or marked as another language (the
   * guide's English texts, the language switcher).
   */
  @SuppressWarnings("unchecked")
  private static List<String> untranslated(Browser browser) {
    return (List<String>) browser.script("""
        const words = /[A-Za-z]{3,}/;
        return [...document.querySelectorAll('h2, h3, label, legend, th, button, dt, nav a, .badge, .state, p')]
          .filter(e => e.offsetParent !== null)
          .filter(e => (e.closest('[lang]')?.getAttribute('lang') ?? 'ar') === 'ar')
          .filter(e => !e.closest('.comment-body, .country, .code, .answers dd, .me, footer'))
          .map(e => e.innerText.trim())
          .filter(text => text && /^[^\\u0600-\\u06FF]*$/.test(text) && words.test(text));
        """);
  }

  private Browser browser() {
    Browser browser = new Browser(port);
    browsers.add(browser);
    return browser;
  }

  private String open(Api as, String country, String title) {
    Api.Response created = as.post("/api/engagements", Map.of("country", country, "title", title,
        "strategyEndDate", "2031-12-31"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.body().path("engagement").path("id").asText();
  }

  private String member(String engagement, String role) {
    String user = TestUsers.create(engine, role, List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + engagement + "/members", Map.of("userId", user, "role", role))
        .status()).isEqualTo(201);
    return user;
  }

  private Task task(String engagement, String activity) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement)
        .taskDefinitionKey(activity).singleResult();
  }
}
