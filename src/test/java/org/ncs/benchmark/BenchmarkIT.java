package org.ncs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Edition;
import org.ncs.lifecycle.LifecycleDriver;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarking through the API: the country's team rates every element with evidence and submits; an ITU officer
 * of the country returns it with reasons or validates it, after which it is frozen and counts in the scorecard; a
 * correction supersedes it; nobody of another country sees any of it, and stakeholders never see confidential
 * evidence.
 */
@IntegrationTest
class BenchmarkIT {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ObjectMapper json;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Catalogue catalogue;
  @Autowired
  MaturityBands bands;
  @Autowired
  Crosswalk crosswalk;

  String engagement;
  Api officer;
  Api lead;
  Api stakeholder;
  Api stranger;
  String elsewhere;

  @BeforeEach
  void engagement() {
    officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    engagement = open();
    lead = new Api(http, json, member(engagement, "lead-authority"));
    stakeholder = new Api(http, json, member(engagement, "stakeholder"));
    elsewhere = open();
    stranger = new Api(http, json, member(elsewhere, "lead-authority"));
  }

  @Test
  void anAssessmentIsRatedSubmittedReturnedWithReasonsValidatedAndThenFrozen() {
    String law = evidence(lead, Map.of("kind", "LAW", "title", "Cybersecurity Act 2019",
        "url", "https://gazette.example.org/acts/2019/12", "reference", "sections 4 to 9", "date", "2019-06-01"));
    String assessment = assessment("BASELINE", "2026-06-30");

    // submitting too early names every element still to rate
    Api.Response early = lead.post(path(assessment) + "/submit", null);
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().path("errors").findValuesAsText("field")).hasSize(34).contains("ratings.FA1.E1");

    rateAll(assessment, law, 2, 3);
    assertThat(lead.post(path(assessment) + "/submit", null).body().path("state").asText()).isEqualTo("SUBMITTED");
    // the country cannot validate its own, nor change it while it is reviewed
    assertThat(lead.post(path(assessment) + "/validate", null).status()).isEqualTo(403);
    assertThat(rate(assessment, "FA1.E1", 3, 3, List.of(law)).status()).isEqualTo(409);

    Api.Response returned = officer.post(path(assessment) + "/return", Map.of("reasons",
        "The budget rating needs the finance law as evidence."));
    assertThat(returned.body().path("state").asText()).isEqualTo("RETURNED");
    assertThat(lead.get(path(assessment)).body().path("assessment").path("returnReasons").asText())
        .isEqualTo("The budget rating needs the finance law as evidence.");
    // the officers of the country were told to validate it, the team that it came back
    assertThat(officer.get("/api/notifications").body().path("items").findValuesAsText("kind"))
        .contains("TO_VALIDATE");
    assertThat(lead.get("/api/notifications").body().path("items").findValuesAsText("title"))
        .anyMatch(title -> title.startsWith("Assessment returned: "));
    assertThat(stranger.get("/api/notifications").body().path("items").findValuesAsText("kind"))
        .doesNotContain("TO_VALIDATE", "ASSESSMENT_BACK");
    assertThat(rate(assessment, "FA1.E5", 3, 3, List.of(law)).status()).isEqualTo(200);
    lead.post(path(assessment) + "/submit", null);
    assertThat(officer.post(path(assessment) + "/validate", null).body().path("state").asText())
        .isEqualTo("VALIDATED");

    // frozen: no rating changes, no second validation
    assertThat(rate(assessment, "FA1.E5", 1, 1, List.of(law)).status()).isEqualTo(409);
    assertThat(officer.post(path(assessment) + "/validate", null).status()).isEqualTo(409);
    // the element's history: every rating as set, the return with its reasons, the validation
    JsonNode history = lead.get(path(assessment) + "/ratings/FA1.E5/history").body();
    assertThat(history.findValuesAsText("action")).containsExactly("RATED", "SUBMITTED", "RETURNED", "RATED",
        "SUBMITTED", "VALIDATED");
    assertThat(history.get(2).path("reasons").asText()).contains("finance law");
    assertThat(history.get(3).path("coverage").asInt()).isEqualTo(3);
  }

  @Test
  void theLandscapeStepWaitsForAValidatedBaselineAndAMonitoringRoundStartsFromTheLatestValidated() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment", "Task_ApprovePlan")) {
      driver.complete(task(step), Map.of("planDecision", "approved"));
    }
    // the landscape step opened its baseline: a draft for the team to rate
    JsonNode opened = lead.get("/api/engagements/" + engagement + "/assessments").body();
    assertThat(opened.findValuesAsText("kind")).containsExactly("BASELINE");
    assertThat(opened.findValuesAsText("state")).containsExactly("DRAFT");
    String baseline = opened.get(0).path("id").asText();
    Task landscape = task("Task_AssessNationalLandscape");

    // the step cannot be completed until an ITU officer has validated the baseline: submitted is not enough
    Map<String, Object> answers = Map.of("variables", driver.validAnswers(landscape));
    Api.Response early = lead.post("/api/tasks/" + landscape.getId() + "/complete", answers);
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().path("errors").findValuesAsText("field")).containsExactly("assessment");
    String law = evidence(lead, Map.of("kind", "LAW", "title", "Cybersecurity Act 2019",
        "url", "https://gazette.example.org/acts/2019/12"));
    rateAll(baseline, law, 1, 2);
    lead.post(path(baseline) + "/submit", null);
    assertThat(lead.post("/api/tasks/" + landscape.getId() + "/complete", answers).body().path("errors")
        .findValuesAsText("message")).singleElement().asString().contains("Submitted for validation");
    assertThat(officer.post(path(baseline) + "/validate", null).status()).isEqualTo(200);
    assertThat(lead.post("/api/tasks/" + landscape.getId() + "/complete", answers).status()).isEqualTo(204);
    // beside the scores, the lifecycle as the engine measured it: initiation done, its four steps and the landscape
    // done, every task by its due date
    JsonNode measured = lead.get("/api/engagements/" + engagement + "/scorecard").body().path("lifecycle");
    assertThat(measured.path("phasesDone").toString()).isEqualTo("[\"P1\"]");
    assertThat(measured.path("phasesUnderWay").toString()).isEqualTo("[\"P2\"]");
    assertThat(measured.path("stepsDone").asInt()).isEqualTo(5);
    assertThat(measured.path("steps").asInt()).isEqualTo(20);
    assertThat(measured.path("tasksDue").asInt()).isEqualTo(6);
    assertThat(measured.path("onTimePercent").asInt()).isEqualTo(100);
    assertThat(measured.path("overdueTasks").asInt()).isZero();

    // a monitoring round opens a progress assessment with the validated ratings, so only what moved changes
    String country = lead.get("/api/engagements/" + engagement).body().path("engagement").path("country")
        .path("code").asText();
    ProcessInstance monitoring = driver.startPhase("ncs-phase-5-monitoring-evaluation", Map.of("engagementId",
        engagement, "country", country));
    driver.complete(task("Task_EstablishMonitoring"), Map.of());
    driver.fireTimer(monitoring, "Timer_MonitoringRoundDue");
    JsonNode progress = lead.get("/api/engagements/" + engagement + "/assessments").body().get(0);
    assertThat(progress.path("kind").asText()).isEqualTo("PROGRESS");
    assertThat(progress.path("state").asText()).isEqualTo("DRAFT");
    JsonNode ratings = lead.get(path(progress.path("id").asText())).body().path("ratings");
    assertThat(ratings.size()).isEqualTo(catalogue.current().elements().count());
    assertThat(ratings.findValuesAsText("implementation")).containsOnly("2");
    Task round = task("Task_MonitorProgress");
    Api monitoringBody = new Api(http, json, member(engagement, "me-body"));
    Api.Response unvalidated = monitoringBody.post("/api/tasks/" + round.getId() + "/complete", Map.of("variables",
        driver.validAnswers(round)));
    assertThat(unvalidated.status()).as(unvalidated.text()).isEqualTo(400);
    assertThat(unvalidated.body().path("errors").findValuesAsText("field")).containsExactly("assessment");
  }

  @Test
  void theExportsHoldTheRowsOfTheApiAndThePdfReportHasAPagePerFocusArea() throws Exception {
    String law = evidence(lead, Map.of("kind", "LAW", "title", "Cybersecurity Act 2019",
        "url", "https://gazette.example.org/acts/2019/12"));
    String secret = evidence(lead, Map.of("kind", "REPORT", "title", "Incident statistics (restricted)",
        "url", "https://intranet.example.org/csirt/2025", "confidential", true));
    String baseline = assessment("BASELINE", "2026-01-31");
    rateAll(baseline, law, 1, 2);
    assertThat(rate(baseline, "FA6.E1", 2, 3, List.of(law, secret)).status()).isEqualTo(200);
    lead.post(path(baseline) + "/submit", null);
    officer.post(path(baseline) + "/validate", null);
    String base = "/api/engagements/" + engagement;
    JsonNode scorecard = lead.get(base + "/scorecard").body();
    // the weakest elements, costliest first, as candidate initiatives with their next level as objective
    JsonNode candidates = lead.get(base + "/candidate-initiatives?limit=3").body();
    assertThat(candidates).hasSize(3);
    assertThat(candidates.get(0).path("elementId").asText())
        .isEqualTo(scorecard.path("gaps").get(0).path("elementId").asText());
    assertThat(candidates.get(0).path("objective").asText())
        .isEqualTo(scorecard.path("gaps").get(0).path("nextImplementation").asText());
    assertThat(lead.get(base + "/candidate-initiatives?limit=0").status()).isEqualTo(400);

    // XLSX: the focus areas (overall first) and the elements, with the API's scores
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(lead, base + "/scorecard.xlsx",
        "en")))) {
      Sheet areas = workbook.getSheet("Focus areas");
      assertThat(areas.getLastRowNum()).isEqualTo(1 + scorecard.path("score").path("areas").size());
      assertThat(areas.getRow(1).getCell(2).getNumericCellValue())
          .isEqualTo(scorecard.path("score").path("coverage").asDouble());
      Sheet elements = workbook.getSheet("Elements");
      assertThat(elements.getLastRowNum()).isEqualTo(catalogue.current().elements().count());
      List<Double> implementation = new ArrayList<>();
      for (int row = 1; row <= elements.getLastRowNum(); row++) {
        implementation.add(elements.getRow(row).getCell(6).getNumericCellValue());
      }
      List<Double> api = new ArrayList<>();
      scorecard.path("score").path("areas").forEach(area -> area.path("elements").forEach(element ->
          api.add(element.path("implementationScore").asDouble())));
      assertThat(implementation).isEqualTo(api);
    }
    // the confidential source is named to the team, never to a stakeholder
    assertThat(new String(bytes(lead, base + "/scorecard.csv", "en"), StandardCharsets.UTF_8))
        .contains("Incident statistics (restricted)", "Cybersecurity Act 2019");
    assertThat(new String(bytes(stakeholder, base + "/scorecard.csv", "en"), StandardCharsets.UTF_8))
        .contains("Cybersecurity Act 2019").doesNotContain("Incident statistics");

    // the PDF report: a first page, then a page per focus area; Arabic set right to left (rendered for people)
    for (String language : List.of("en", "ar")) {
      try (PDDocument report = Loader.loadPDF(bytes(lead, base + "/scorecard.pdf", language))) {
        assertThat(report.getNumberOfPages()).isGreaterThanOrEqualTo(1 + catalogue.current().focusAreas().size());
        String text = new PDFTextStripper().getText(report);
        assertThat(text).contains("5.7 International cooperation");
        Path png = Path.of("target", "exports", "scorecard-" + language + ".png");
        Files.createDirectories(png.getParent());
        ImageIO.write(new PDFRenderer(report).renderImageWithDPI(0, 80), "png", png.toFile());
      }
    }

    // trend and index pack, as the API has them
    String trend = new String(bytes(lead, base + "/trend.csv", "en"), StandardCharsets.UTF_8);
    assertThat(trend.lines().count()).isEqualTo(1 + 1 + catalogue.current().focusAreas().size());
    JsonNode pack = lead.get(base + "/index-pack").body();
    assertThat(pack.path("label").asText()).contains("ours");
    assertThat(pack.path("sections").findValuesAsText("instrument")).contains("GCI", "CMM", "NCSI", "NCAF");
    int packRows = 0;
    for (JsonNode section : pack.path("sections")) {
      packRows += section.path("elements").size();
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(lead, base + "/index-pack.xlsx",
        "en")))) {
      assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(packRows);
    }
    JsonNode legal = null;
    for (JsonNode section : pack.path("sections")) {
      if (section.path("id").asText().equals("GCI-LEG")) {
        legal = section;
      }
    }
    assertThat(legal).isNotNull();
    assertThat(legal.path("elements").findValuesAsText("elementId")).contains("FA6.E1");
    assertThat(legal.findValuesAsText("title")).contains("Incident statistics (restricted)");
    assertThat(stakeholder.get(base + "/index-pack").text()).doesNotContain("Incident statistics");
    // another country's team gets none of it
    for (String file : List.of("/scorecard.pdf", "/scorecard.xlsx", "/trend.csv", "/index-pack.xlsx",
        "/index-pack", "/crosswalk", "/candidate-initiatives")) {
      assertThat(stranger.file(base + file).getStatusCode().value()).as(file).isEqualTo(404);
    }
    // nor its pages
    for (String page : List.of("/scorecard", "/index-pack", "/evidence", "/assessments/" + baseline,
        "/assessments/" + baseline + "/elements/FA1.E1")) {
      assertThat(stranger.file("/engagements/" + engagement + page).getStatusCode().value()).as(page)
          .isEqualTo(404);
    }
    // the portfolio file lists the caller's countries only
    String portfolio = new String(bytes(stranger, "/api/portfolio.csv", "en"), StandardCharsets.UTF_8);
    assertThat(portfolio.lines().count()).isEqualTo(2);
  }

  @Test
  void theCrosswalkMapsEveryElementOfItsEditionToDefinedQuestionsAndSaysWhenItDoesNot() {
    Edition edition = catalogue.current();
    Crosswalk.Mapping shipped = crosswalk.of(edition.key()).orElseThrow();
    assertThat(Crosswalk.problems(shipped, edition)).isEmpty();
    assertThat(shipped.instruments()).extracting(Crosswalk.Instrument::id)
        .containsExactly("GCI", "CMM", "NCSI", "NCAF");

    Map<String, List<Crosswalk.Link>> elements = new HashMap<>(shipped.elements());
    elements.remove("FA1.E1");
    elements.put("FA9.E9", List.of(new Crosswalk.Link("GCI-NONE", Crosswalk.Strength.PRIMARY, "Invented")));
    assertThat(Crosswalk.problems(new Crosswalk.Mapping(shipped.edition(), shipped.label(), shipped.instruments(),
        elements), edition)).containsExactlyInAnyOrder(
            "element FA1.E1 is not mapped (give it an empty list if no index asks)",
            "element FA9.E9 is not in edition " + edition.key(),
            "element FA9.E9 maps to an undefined target GCI-NONE");
  }

  @Test
  void theScorecardCountsOnlyValidatedAssessmentsAndRanksTheGapsWithWhatTheNextLevelAsks() {
    String law = evidence(lead, Map.of("kind", "LAW", "title", "Cybersecurity Act", "url",
        "https://gazette.example.org/acts/1"));
    String assessment = assessment("BASELINE", "2026-03-31");
    rateAll(assessment, law, 2, 3);
    assertThat(rate(assessment, "FA2.E1", 0, 0, List.of()).status()).isEqualTo(200);
    Api.Response notApplicable = lead.exchange(HttpMethod.PUT, path(assessment) + "/ratings/FA7.E1",
        Map.of("notApplicable", true, "rationale", "The country has no such sector."));
    assertThat(notApplicable.status()).as(notApplicable.text()).isEqualTo(200);
    assertThat(lead.get("/api/engagements/" + engagement + "/scorecard").status()).isEqualTo(404);

    lead.post(path(assessment) + "/submit", null);
    assertThat(lead.get("/api/engagements/" + engagement + "/scorecard").status()).isEqualTo(404);
    officer.post(path(assessment) + "/validate", null);

    JsonNode scorecard = lead.get("/api/engagements/" + engagement + "/scorecard").body();
    assertThat(scorecard.path("assessment").path("id").asText()).isEqualTo(assessment);
    JsonNode gaps = scorecard.path("gaps");
    assertThat(gaps.get(0).path("elementId").asText()).isEqualTo("FA2.E1");
    assertThat(gaps.get(0).path("nextCoverage").asText()).isEqualTo(catalogue.current().element("FA2.E1")
        .orElseThrow().criteria().coverage().get(1));
    assertThat(gaps.findValuesAsText("elementId")).doesNotContain("FA7.E1");
    // every other element at 2 of 3 and 3 of 5: 66.7 and 60 where FA2.E1 is not
    JsonNode score = scorecard.path("score");
    assertThat(new BigDecimal(score.path("coverage").asText())).isLessThan(new BigDecimal("66.7"));
    assertThat(score.path("coverageBand").asText()).isEqualTo(bands.of(new BigDecimal(score.path("coverage")
        .asText())));
    assertThat(scorecard.path("evidence").findValuesAsText("id")).containsExactly(law);

    // what counts is what was frozen at validation, whatever changes later in the guide's data
    jdbc.update("update assessment_score set coverage = 12.3 where assessment_id = ? and item = 'overall'",
        assessment);
    assertThat(lead.get("/api/engagements/" + engagement + "/scorecard").body().path("score").path("coverage")
        .decimalValue()).isEqualByComparingTo("12.3");

    // a bounded number of statements, however many elements and evidence items: no statement per rating
    SqlStatements.Counted<Api.Response> counted = SqlStatements.count(() ->
        lead.get("/api/engagements/" + engagement + "/scorecard"));
    assertThat(counted.result().status()).isEqualTo(200);
    System.out.printf("scorecard: %d SQL statements%n", counted.statements());
    assertThat(counted.statements()).isLessThanOrEqualTo(12);
    SqlStatements.Counted<Api.Response> page = SqlStatements.count(() ->
        lead.get("/api/engagements/" + engagement + "/assessments/" + assessment));
    System.out.printf("assessment: %d SQL statements%n", page.statements());
    assertThat(page.statements()).isLessThanOrEqualTo(12);
  }

  @Test
  void aCorrectionSupersedesTheValidatedAssessmentOnceItIsValidatedItself() {
    String law = evidence(lead, Map.of("kind", "POLICY", "title", "Cloud policy", "url",
        "https://ict.example.org/cloud"));
    String first = assessment("BASELINE", "2026-01-31");
    rateAll(first, law, 1, 1);
    lead.post(path(first) + "/submit", null);
    officer.post(path(first) + "/validate", null);

    Api.Response opened = lead.post(path(first) + "/corrections", null);
    assertThat(opened.status()).isEqualTo(201);
    String correction = opened.body().path("id").asText();
    assertThat(opened.body().path("supersedes").asText()).isEqualTo(first);
    // until the correction is validated, the first one is what counts
    assertThat(lead.get("/api/engagements/" + engagement + "/scorecard").body().path("assessment").path("id")
        .asText()).isEqualTo(first);
    assertThat(rate(correction, "FA1.E1", 3, 4, List.of(law)).status()).isEqualTo(200);
    lead.post(path(correction) + "/submit", null);
    officer.post(path(correction) + "/validate", null);

    assertThat(lead.get("/api/engagements/" + engagement + "/scorecard").body().path("assessment").path("id")
        .asText()).isEqualTo(correction);
    JsonNode all = lead.get("/api/engagements/" + engagement + "/assessments").body();
    assertThat(all.findValuesAsText("id")).contains(first, correction);
    assertThat(lead.get(path(first)).body().path("assessment").path("supersededBy").asText()).isEqualTo(correction);
    // the rating's history runs through both
    assertThat(lead.get(path(correction) + "/ratings/FA1.E1/history").body().findValuesAsText("assessmentId"))
        .contains(first, correction);
  }

  @Test
  void theTrendGivesEachValidatedAssessmentWithTheChangeSinceTheLastAndBreaksOnANewRevision() {
    String law = evidence(lead, Map.of("kind", "LAW", "title", "Act", "url", "https://gazette.example.org/t"));
    String baseline = assessment("BASELINE", "2026-01-15");
    rateAll(baseline, law, 1, 1);
    lead.post(path(baseline) + "/submit", null);
    officer.post(path(baseline) + "/validate", null);
    String progress = assessment("PROGRESS", "2026-07-15");
    rateAll(progress, law, 2, 1);
    lead.post(path(progress) + "/submit", null);
    officer.post(path(progress) + "/validate", null);

    JsonNode trend = lead.get("/api/engagements/" + engagement + "/trend").body();
    assertThat(trend.findValues("assessment")).extracting(point -> point.path("id").asText())
        .containsExactly(baseline, progress);
    // every element from 1 to 2 of 3 in coverage: 33.3 to 66.7, implementation unchanged
    assertThat(trend.get(0).path("coverage").decimalValue()).isEqualByComparingTo("33.3");
    assertThat(trend.get(0).path("coverageChange").isNumber()).isFalse();
    assertThat(trend.get(1).path("coverageChange").decimalValue()).isEqualByComparingTo("33.4");
    assertThat(trend.get(1).path("implementationChange").decimalValue()).isEqualByComparingTo("0");
    assertThat(trend.get(1).path("areas").get(0).path("coverageChange").decimalValue())
        .isEqualByComparingTo("33.4");
    assertThat(trend.get(1).path("breakBefore").asBoolean()).isFalse();

    // made against another revision of the guide's data: a visible break, no change across it
    jdbc.update("update assessment set revision = 'another' where id = ?", progress);
    JsonNode broken = lead.get("/api/engagements/" + engagement + "/trend").body();
    assertThat(broken.get(1).path("breakBefore").asBoolean()).isTrue();
    assertThat(broken.get(1).path("coverageChange").isNumber()).isFalse();
    assertThat(broken.get(1).path("coverage").decimalValue()).isEqualByComparingTo("66.7");
    assertThat(stranger.get("/api/engagements/" + engagement + "/trend").status()).isEqualTo(404);
  }

  @Test
  void thePortfolioShowsTheLatestValidatedScoresOfTheCallersCountriesOnly() {
    String law = evidence(lead, Map.of("kind", "LAW", "title", "Act", "url", "https://gazette.example.org/p"));
    String first = assessment("BASELINE", "2026-02-01");
    rateAll(first, law, 1, 1);
    lead.post(path(first) + "/submit", null);
    officer.post(path(first) + "/validate", null);
    String second = assessment("PROGRESS", "2026-08-01");
    rateAll(second, law, 3, 5);
    lead.post(path(second) + "/submit", null);
    officer.post(path(second) + "/validate", null);

    JsonNode rows = officer.get("/api/portfolio").body();
    JsonNode ours = row(rows, engagement);
    assertThat(ours.path("scores").path("asOf").asText()).isEqualTo("2026-08-01");
    assertThat(ours.path("scores").path("coverage").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(ours.path("scores").path("implementationBand").asText()).isEqualTo("leading");
    assertThat(ours.path("scores").path("areas")).hasSize(7);
    // where its lifecycle stands, read from the engine's tables beside the scores
    assertThat(ours.path("phases").get(0).asText()).isEqualTo("P1");
    assertThat(ours.path("openTasks").asInt()).isEqualTo(1);
    assertThat(ours.path("currentSteps").get(0).asText()).startsWith("3.1.1 ");
    assertThat(row(rows, elsewhere).path("scores").isObject()).isFalse();
    assertThat(officer.get("/api/portfolio?band=leading").body().findValuesAsText("id")).contains(engagement)
        .doesNotContain(elsewhere);
    assertThat(officer.get("/api/portfolio?band=Not-A-Band").status()).isEqualTo(400);
    // the country's own team sees its row, another country's team never does
    assertThat(stranger.get("/api/portfolio").body().findValuesAsText("id")).doesNotContain(engagement);

    SqlStatements.Counted<Api.Response> counted = SqlStatements.count(() -> officer.get("/api/portfolio"));
    System.out.printf("portfolio: %d SQL statements for %d rows%n", counted.statements(),
        counted.result().body().size());
    assertThat(counted.statements()).isLessThanOrEqualTo(10);
  }

  private static JsonNode row(JsonNode rows, String engagementId) {
    for (JsonNode row : rows) {
      if (row.path("engagement").path("id").asText().equals(engagementId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + engagementId);
  }

  @Test
  void aDraftStartedByMistakeIsThrownAwayAndTwoAtOnceMakeOneOpenAssessment() throws Exception {
    String law = evidence(lead, Map.of("kind", "LAW", "title", "Act", "url", "https://gazette.example.org/b"));
    String mistake = assessment("AD_HOC", "2026-04-01");
    assertThat(rate(mistake, "FA1.E1", 1, 1, List.of(law)).status()).isEqualTo(200);
    assertThat(stakeholder.delete(path(mistake)).status()).isEqualTo(403);
    assertThat(lead.delete(path(mistake)).status()).isEqualTo(204);
    assertThat(lead.get(path(mistake)).status()).isEqualTo(404);

    List<CompletableFuture<Integer>> both = List.of(
        CompletableFuture.supplyAsync(() -> lead.post("/api/engagements/" + engagement + "/assessments",
            Map.of("kind", "BASELINE", "asOf", "2026-04-02")).status()),
        CompletableFuture.supplyAsync(() -> lead.post("/api/engagements/" + engagement + "/assessments",
            Map.of("kind", "BASELINE", "asOf", "2026-04-03")).status()));
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Integer> one : both) {
      statuses.add(one.get());
    }
    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    assertThat(lead.get("/api/engagements/" + engagement + "/assessments").body()).hasSize(1);
  }

  @Test
  void badRatingsAndEvidenceAreRefusedFieldByFieldAndNothingIsStored() {
    String law = evidence(lead, Map.of("kind", "LAW", "title", "Act", "url", "https://gazette.example.org/a"));
    String assessment = assessment("PROGRESS", "2026-05-01");

    Api.Response outOfScale = rate(assessment, "FA1.E1", 4, 6, List.of(law));
    assertThat(outOfScale.status()).isEqualTo(400);
    assertThat(outOfScale.body().path("errors").findValuesAsText("field")).containsExactly("coverage",
        "implementation");
    Api.Response noEvidence = rate(assessment, "FA1.E1", 1, 0, List.of());
    assertThat(noEvidence.body().path("errors").findValuesAsText("field")).containsExactly("evidence");
    Api.Response foreignEvidence = rate(assessment, "FA1.E1", 1, 0,
        List.of(evidence(stranger, elsewhere, Map.of("kind", "LAW", "title", "Their act", "url",
            "https://elsewhere.example.org/act"))));
    assertThat(foreignEvidence.body().path("errors").findValuesAsText("field")).containsExactly("evidence");
    assertThat(rate(assessment, "FA9.E9", 1, 1, List.of(law)).body().path("errors").findValuesAsText("field"))
        .containsExactly("elementId");
    assertThat(lead.get(path(assessment)).body().path("ratings").size()).isZero();

    Api.Response badUrl = lead.post("/api/engagements/" + engagement + "/evidence", Map.of("kind", "REPORT",
        "title", "A report", "url", "javascript:alert(1)"));
    assertThat(badUrl.status()).isEqualTo(400);
    assertThat(badUrl.body().path("errors").findValuesAsText("field")).containsExactly("url");
    Api.Response neither = lead.post("/api/engagements/" + engagement + "/evidence", Map.of("kind", "REPORT",
        "title", "A report"));
    assertThat(neither.body().path("errors").findValuesAsText("field")).containsExactly("url");
    Api.Response badKind = lead.post("/api/engagements/" + engagement + "/evidence", Map.of("kind", "RUMOUR",
        "title", "Hearsay", "url", "https://example.org"));
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(lead.get("/api/engagements/" + engagement + "/evidence").body().findValuesAsText("id"))
        .containsExactly(law);
    // a second open assessment, one for the future
    assertThat(lead.post("/api/engagements/" + engagement + "/assessments", Map.of("kind", "AD_HOC", "asOf",
        "2026-05-02")).status()).isEqualTo(409);
    assertThat(stranger.post("/api/engagements/" + elsewhere + "/assessments", Map.of("kind", "AD_HOC", "asOf",
        "2999-01-01")).body().path("errors").findValuesAsText("field")).containsExactly("asOf");
  }

  @Test
  void anotherCountrySeesNothingAndStakeholdersNeverSeeConfidentialEvidence() {
    String open = evidence(lead, Map.of("kind", "STRATEGY", "title", "National strategy", "url",
        "https://ict.example.org/strategy"));
    String secret = evidence(lead, Map.of("kind", "REPORT", "title", "Incident report 2025", "url",
        "https://intranet.example.org/incidents", "confidential", true));
    String assessment = assessment("BASELINE", "2026-02-28");
    rateAll(assessment, open, 1, 1);
    assertThat(rate(assessment, "FA2.E1", 2, 2, List.of(open, secret)).status()).isEqualTo(200);
    lead.post(path(assessment) + "/submit", null);
    officer.post(path(assessment) + "/validate", null);

    for (String path : List.of("/evidence", "/assessments", "/assessments/" + assessment, "/scorecard",
        "/assessments/" + assessment + "/ratings/FA2.E1/history")) {
      Api.Response theirs = stranger.get("/api/engagements/" + engagement + path);
      assertThat(theirs.status()).as(path).isEqualTo(404);
      // nothing of it but the address they asked for
      assertThat(theirs.text()).doesNotContain("Incident report", "BASELINE", "notApplicable", "coverage");
    }
    assertThat(stranger.post(path(assessment) + "/corrections", null).status()).isEqualTo(404);

    assertThat(stakeholder.get("/api/engagements/" + engagement + "/evidence").body().findValuesAsText("id"))
        .containsExactly(open);
    String seen = stakeholder.get("/api/engagements/" + engagement + "/scorecard").text()
        + stakeholder.get(path(assessment)).text()
        + stakeholder.get(path(assessment) + "/ratings/FA2.E1/history").text();
    assertThat(seen).contains(open).doesNotContain(secret).doesNotContain("Incident report");
    assertThat(lead.get("/api/engagements/" + engagement + "/scorecard").text()).contains(secret);
    assertThat(officer.get("/api/engagements/" + engagement + "/evidence").body().findValuesAsText("id"))
        .contains(secret);
  }

  @Test
  void theEngineEvaluatesTheBandTableOnItsBoundaries() {
    Map<String, String> expected = new HashMap<>();
    expected.put("0", "initial");
    expected.put("19.9", "initial");
    expected.put("20.0", "developing");
    expected.put("39.9", "developing");
    expected.put("40.0", "established");
    expected.put("60.0", "advanced");
    expected.put("79.9", "advanced");
    expected.put("80.0", "leading");
    expected.put("100.0", "leading");
    expected.forEach((score, band) -> assertThat(bands.of(new BigDecimal(score))).as(score).isEqualTo(band));
    assertThat(bands.of(null)).isNull();
  }

  private void rateAll(String assessment, String evidence, int coverage, int implementation) {
    catalogue.current().elements().forEach(element -> {
      Api.Response rated = rate(assessment, element.id(), coverage, implementation, List.of(evidence));
      assertThat(rated.status()).as(rated.text()).isEqualTo(200);
    });
  }

  private Api.Response rate(String assessment, String element, int coverage, int implementation,
      List<String> evidence) {
    return lead.exchange(HttpMethod.PUT, path(assessment) + "/ratings/" + element, Map.of("coverage", coverage,
        "implementation", implementation, "rationale", "As the evidence shows.", "evidence", evidence));
  }

  private String assessment(String kind, String asOf) {
    Api.Response created = lead.post("/api/engagements/" + engagement + "/assessments", Map.of("kind", kind,
        "asOf", asOf));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  private String evidence(Api who, Map<String, Object> item) {
    return evidence(who, engagement, item);
  }

  private String evidence(Api who, String engagementId, Map<String, Object> item) {
    Api.Response created = who.post("/api/engagements/" + engagementId + "/evidence", item);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  private byte[] bytes(Api who, String path, String language) {
    ResponseEntity<byte[]> response = who.inLanguage(language).file(path);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody();
  }

  private Task task(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).taskDefinitionKey(key)
        .singleResult();
  }

  private String path(String assessment) {
    return "/api/engagements/" + engagement + "/assessments/" + assessment;
  }

  private String open() {
    return officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
  }

  private String member(String engagementId, String role) {
    String user = TestUsers.create(engine, role, List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + engagementId + "/members", Map.of("userId", user, "role", role))
        .status()).isEqualTo(201);
    return user;
  }
}
