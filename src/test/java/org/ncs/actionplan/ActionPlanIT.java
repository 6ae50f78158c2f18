package org.ncs.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.catalogue.Catalogue;
import org.ncs.lifecycle.LifecycleDriver;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The action plan through the API: shaped by the country's team, read by its partners, checked field by field. */
@IntegrationTest
class ActionPlanIT {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ObjectMapper json;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Catalogue catalogue;
  @Autowired
  MessageSource messages;

  String engagement;
  Api officer;
  Api lead;
  Api bank;
  String bankUser;
  Api stakeholder;
  Api otherBank;

  @BeforeEach
  void engagement() {
    officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    engagement = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    lead = new Api(http, json, member("lead-authority", List.of()));
    stakeholder = new Api(http, json, member("stakeholder", List.of()));
    bankUser = member("wb-cofacilitator", List.of("wb-cofacilitator"));
    bank = new Api(http, json, bankUser);
    otherBank = new Api(http, json, TestUsers.create(engine, "wb", List.of("wb-cofacilitator"), List.of()));
  }

  @Test
  void theTeamAddsChangesAndRemovesAnInitiativeThatItsPartnersRead() throws IOException {
    Api.Response added = lead.post(initiatives(), initiative());
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    JsonNode initiative = added.body();
    assertThat(initiative.path("number").asText()).isEqualTo("I-1");
    assertThat(initiative.path("focusArea").path("id").asText()).isEqualTo("FA2");
    assertThat(initiative.path("elements").findValuesAsText("id")).containsExactly("FA2.E1", "FA2.E2");
    assertThat(initiative.path("status").asText()).isEqualTo("PLANNED");
    assertThat(initiative.path("origin").asText()).isEqualTo("NEW");
    // money exactly as sent, written to each currency's minor unit (as the answer's text shows: a parsed number
    // would be a double), and totals never mixing currencies
    assertThat(added.text()).contains("\"amount\":1250000.50,\"currency\":\"USD\"")
        .contains("\"amount\":30000000,\"currency\":\"JPY\"")
        .contains("\"budgetTotals\":[{\"currency\":\"JPY\",\"committed\":0,\"estimated\":30000000},"
            + "{\"currency\":\"USD\",\"committed\":1250000.50,\"estimated\":0.00}]");
    // an indicator may aim below its baseline (fewer incidents)
    assertThat(initiative.path("kpis").get(0).path("target").toString()).isEqualTo("20");
    String id = initiative.path("id").asText();
    String milestoneKey = initiative.path("milestones").get(0).path("key").asText();

    // partners of the country read it; a co-facilitator of another country, and the country's stakeholders
    // changing it, get nothing
    assertThat(numbers(bank.get(plan()).body())).containsExactly("I-1");
    assertThat(officer.get(plan()).body().path("initiatives")).hasSize(1);
    assertThat(otherBank.get(plan()).status()).isEqualTo(404);
    assertThat(otherBank.post(initiatives(), initiative()).status()).isEqualTo(404);
    assertThat(stakeholder.get(plan()).body().path("initiatives")).hasSize(1);
    assertThat(stakeholder.post(initiatives(), initiative()).status()).isEqualTo(403);
    assertThat(bank.post(initiatives(), initiative()).status()).isEqualTo(403);

    // a change keeps the milestone it names by key, adds what has none
    Map<String, Object> changed = initiative();
    changed.put("status", "ON_TRACK");
    changed.put("milestones", List.of(Map.of("key", milestoneKey, "title", "National CERT staffed",
        "dueDate", "2028-06-30"), Map.of("title", "CERT joins FIRST", "dueDate", "2029-03-31")));
    Api.Response put = lead.exchange(HttpMethod.PUT, initiatives() + "/" + id, changed);
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(put.body().path("status").asText()).isEqualTo("ON_TRACK");
    assertThat(put.body().path("milestones").get(0).path("key").asText()).isEqualTo(milestoneKey);
    assertThat(put.body().path("milestones").get(1).path("key").asText()).isNotBlank().isNotEqualTo(milestoneKey);
    assertThat(put.body().path("version").asLong()).isGreaterThan(initiative.path("version").asLong());
    // a change made from an older version is refused: someone changed it meanwhile
    changed.put("version", initiative.path("version").asLong());
    assertThat(lead.exchange(HttpMethod.PUT, initiatives() + "/" + id, changed).status()).isEqualTo(409);
    changed.remove("version");
    // a key the initiative never had is refused
    changed.put("milestones", List.of(Map.of("key", "not-a-key", "title", "X", "dueDate", "2028-06-30")));
    assertThat(lead.exchange(HttpMethod.PUT, initiatives() + "/" + id, changed).body().path("errors")
        .findValuesAsText("field")).containsExactly("milestones[0].key");

    JsonNode history = officer.get("/api/engagements/" + engagement + "/history").body();
    assertThat(history.findValuesAsText("action")).contains("INITIATIVE_ADDED", "INITIATIVE_CHANGED");

    // the workbook holds the API's rows: the initiative, its two milestones, two budget lines, one indicator
    try (XSSFWorkbook workbook = workbook(bank, plan() + ".xlsx", "fr")) {
      assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
      // in the reader's language, statuses as words
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(6).getStringCellValue())
          .isEqualTo(messages.getMessage("export.column.contributingAgencies", null, Locale.FRENCH))
          .isNotEqualTo("Contributing agencies");
      assertThat(workbook.getSheetAt(0).getRow(1).getCell(8).getStringCellValue())
          .isEqualTo(messages.getMessage("actionplan.status.ON_TRACK", null, Locale.FRENCH));
      assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(2);
      Sheet budget = workbook.getSheetAt(2);
      assertThat(budget.getLastRowNum()).isEqualTo(2);
      assertThat(budget.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1250000.5);
      assertThat(budget.getRow(1).getCell(3).getStringCellValue()).isEqualTo("USD");
      assertThat(workbook.getSheetAt(3).getRow(1).getCell(3).getNumericCellValue()).isEqualTo(120);
    }
    assertThat(otherBank.file(plan() + ".csv").getStatusCode().value()).isEqualTo(404);

    assertThat(lead.delete(initiatives() + "/" + id).status()).isEqualTo(204);
    assertThat(lead.get(plan()).body().path("initiatives")).isEmpty();
    assertThat(lead.delete(initiatives() + "/" + id).status()).isEqualTo(404);
    // numbers are never reused: the audit trail and exports name one initiative by each
    assertThat(lead.post(initiatives(), initiative()).body().path("number").asText()).isEqualTo("I-2");
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsStored() {
    // what the request itself shows: a negative amount, an indicator without a unit, no title
    Map<String, Object> malformed = initiative();
    malformed.remove("title");
    malformed.put("budget", List.of(budgetLine("-5", "USD", true)));
    malformed.put("kpis", List.of(kpi(null)));
    assertThat(fields(lead.post(initiatives(), malformed))).containsExactlyInAnyOrder("title", "budget[0].amount",
        "kpis[0].unit");

    // what only the guide and the calendar tell: all of it at once
    Map<String, Object> wrong = initiative();
    wrong.put("elements", List.of("FA2.E1", "FA9.E9", "FA3.E1"));
    wrong.put("startDate", "2029-01-01");
    wrong.put("endDate", "2027-12-31");
    wrong.put("budget", List.of(budgetLine("100", "XYZ", true), budgetLine("10.5", "JPY", false),
        budgetLine("3", "XAU", true)));
    Api.Response refused = lead.post(initiatives(), wrong);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactlyInAnyOrder("elements[1]", "elements[2]", "endDate",
        "milestones[0].dueDate", "budget[0].currency", "budget[1].amount", "budget[2].currency",
        "kpis[0].targetDate");
    assertThat(refused.body().path("errors").toString()).contains("is not an element of the edition")
        .contains("is not an ISO 4217 currency code");

    assertThat(lead.get(plan()).body().path("initiatives")).isEmpty();
    assertThat(officer.get("/api/engagements/" + engagement + "/history").body().findValuesAsText("action"))
        .doesNotContain("INITIATIVE_ADDED");
  }

  @Test
  void aBenchmarkGapBecomesADraftInitiativeAndTheNextCycleStartsFromThisPlan() {
    // nothing to copy in the first cycle, and no validated assessment yet: no gaps to take
    assertThat(lead.post(plan() + "/copy-previous-cycle", null).status()).isEqualTo(404);
    assertThat(lead.post(initiatives() + "/from-gap", Map.of("elementId", "FA1.E1")).status()).isEqualTo(404);
    validateAnAssessment(1, 2);
    JsonNode gaps = lead.get("/api/engagements/" + engagement + "/candidate-initiatives?limit=2").body();
    String weakest = gaps.get(0).path("elementId").asText();

    Api.Response drafted = lead.post(initiatives() + "/from-gap", Map.of("elementId", weakest));
    assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
    JsonNode draft = drafted.body();
    assertThat(draft.path("origin").asText()).isEqualTo("GAP");
    assertThat(draft.path("elements").findValuesAsText("id")).containsExactly(weakest);
    assertThat(draft.path("focusArea").path("id").asText()).isEqualTo(gaps.get(0).path("focusAreaId").asText());
    assertThat(draft.path("objective").asText()).isEqualTo(gaps.get(0).path("objective").asText());
    assertThat(draft.path("leadAgency").isMissingNode()).isTrue();
    assertThat(draft.path("endDate").asText()).isEqualTo("2031-12-31");
    // its indicator: the element's implementation level now, to the next
    assertThat(draft.path("kpis").get(0).path("baseline").asInt()).isEqualTo(2);
    assertThat(draft.path("kpis").get(0).path("target").asInt()).isEqualTo(3);
    assertThat(draft.path("kpis").get(0).path("kind").asText()).isEqualTo("OUTCOME");
    assertThat(lead.post(initiatives() + "/from-gap", Map.of("elementId", "FA9.E9")).body().path("errors")
        .findValuesAsText("field")).containsExactly("elementId");
    assertThat(lead.post(initiatives(), initiative()).body().path("number").asText()).isEqualTo("I-2");

    // this cycle's plan has initiatives: nothing is copied into it
    assertThat(lead.post(plan() + "/copy-previous-cycle", null).status()).isEqualTo(409);
    new LifecycleDriver(engine).jumpToRenewalDecision(engagement, Map.of("evaluationDecision", "renew",
        "nextCycleEntry", "stocktaking"));
    JsonNode next = lead.get(plan()).body();
    assertThat(next.path("cycle").asInt()).isEqualTo(2);
    assertThat(next.path("initiatives")).isEmpty();
    Api.Response copied = lead.post(plan() + "/copy-previous-cycle", null);
    assertThat(copied.status()).as(copied.text()).isEqualTo(201);
    assertThat(copied.body().path("initiatives").findValuesAsText("origin")).containsOnly("PREVIOUS_CYCLE");
    assertThat(numbers(copied.body())).containsExactly("I-1", "I-2");
    assertThat(copied.body().path("initiatives").get(1).path("milestones").get(0).path("title").asText())
        .isEqualTo("National CERT staffed");
    assertThat(lead.post(plan() + "/copy-previous-cycle", null).status()).isEqualTo(409);
  }

  @Test
  void progressReportsStartFromTheLastAndMeasureTimelinessBudgetExecutionAndEffectiveness() throws IOException {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> law = initiative();
    law.putAll(Map.of("title", "Reform the cybercrime law", "focusArea", "FA1", "elements", List.of("FA1.E1"),
        "startDate", today.minusDays(400).toString(), "endDate", today.minusDays(30).toString(),
        "milestones", List.of(Map.of("title", "Bill tabled", "dueDate", today.minusDays(200).toString())),
        "budget", List.of(budgetLine("200000", "EUR", true)),
        "kpis", List.of(Map.of("indicator", "Implementing regulations adopted", "unit", "regulations",
            "baseline", 0, "target", 4, "targetDate", today.minusDays(30).toString(), "kind", "OUTPUT"))));
    Map<String, Object> cert = initiative();
    cert.putAll(Map.of("startDate", today.minusDays(100).toString(), "endDate", today.plusDays(700).toString(),
        "milestones", List.of(Map.of("title", "National CERT staffed", "dueDate", today.plusDays(300).toString())),
        "budget", List.of(budgetLine("1000000", "USD", true))));
    cert.put("kpis", List.of(kpi("incidents")));
    JsonNode first = lead.post(initiatives(), law).body();
    JsonNode second = lead.post(initiatives(), cert).body();
    String lawId = first.path("id").asText();
    String certId = second.path("id").asText();
    String billKey = first.path("milestones").get(0).path("key").asText();
    String regulationsKey = first.path("kpis").get(0).path("key").asText();
    String incidentsKey = second.path("kpis").get(0).path("key").asText();

    // the first draft: every initiative as the plan has it
    JsonNode draft = lead.get(plan() + "/progress-reports/draft").body();
    assertThat(draft.path("entries").findValuesAsText("initiativeId")).containsExactly(lawId, certId);
    assertThat(draft.path("entries").findValuesAsText("status")).containsOnly("PLANNED");
    assertThat(bank.get(plan() + "/progress-reports/draft").status()).isEqualTo(403);

    Api.Response firstReport = lead.post(plan() + "/progress-reports", Map.of("periodEnd",
        today.minusDays(100).toString(), "entries", List.of(
            Map.of("initiativeId", lawId, "status", "ON_TRACK", "narrative", "The bill is before parliament.",
                "kpis", List.of(Map.of("key", regulationsKey, "actual", 1)),
                "milestones", List.of(Map.of("key", billKey, "reachedOn", today.minusDays(210).toString())),
                "spend", List.of(Map.of("currency", "EUR", "amount", 50000))),
            Map.of("initiativeId", certId, "status", "PLANNED"))));
    assertThat(firstReport.status()).as(firstReport.text()).isEqualTo(201);
    JsonNode overall = firstReport.body().path("overall");
    assertThat(overall.path("milestonesPercent").decimalValue()).isEqualByComparingTo("100");
    assertThat(overall.path("initiativesPercent").decimalValue()).isEqualByComparingTo("100");
    assertThat(overall.path("effectivenessPercent").decimalValue()).isEqualByComparingTo("25");

    // the next draft carries the last report forward; the team changes what moved
    JsonNode carried = lead.get(plan() + "/progress-reports/draft").body().path("entries");
    assertThat(carried.get(0).path("milestones").get(0).path("reachedOn").asText())
        .isEqualTo(today.minusDays(210).toString());
    assertThat(carried.get(0).path("spend").get(0).path("amount").decimalValue()).isEqualByComparingTo("50000");
    assertThat(carried.get(0).path("narrative").isMissingNode()).isTrue();

    // refused, field by field: not after the last period, an initiative left out, a milestone the initiative
    // does not have, an unknown currency
    Api.Response refused = lead.post(plan() + "/progress-reports", Map.of("periodEnd",
        today.minusDays(150).toString(), "entries", List.of(Map.of("initiativeId", lawId, "status", "ON_TRACK",
            "milestones", List.of(Map.of("key", "nope", "reachedOn", today.minusDays(160).toString())),
            "spend", List.of(Map.of("currency", "XYZ", "amount", 1))))));
    assertThat(fields(refused)).containsExactlyInAnyOrder("periodEnd", "entries",
        "entries[0].milestones[0].key", "entries[0].spend[0].currency");

    Api.Response secondReport = lead.post(plan() + "/progress-reports", Map.of("periodEnd",
        today.minusDays(1).toString(), "entries", List.of(
            Map.of("initiativeId", lawId, "status", "ON_TRACK",
                "kpis", List.of(Map.of("key", regulationsKey, "actual", 3)),
                "milestones", List.of(Map.of("key", billKey, "reachedOn", today.minusDays(210).toString())),
                "spend", List.of(Map.of("currency", "EUR", "amount", 150000))),
            Map.of("initiativeId", certId, "status", "AT_RISK", "narrative", "Recruitment is slow.",
                "kpis", List.of(Map.of("key", incidentsKey, "actual", 70)),
                "spend", List.of(Map.of("currency", "USD", "amount", new BigDecimal("250000.00")))))));
    assertThat(secondReport.status()).as(secondReport.text()).isEqualTo(201);

    // the law reform is past its end and not done: late; the CERT is at risk, not late
    SqlStatements.Counted<Api.Response> counted = SqlStatements.count(() -> bank.get(plan() + "/progress"));
    // sign-in, engagement, plan, initiatives, reports, and each kind of their parts in one statement (batches
    // of a hundred): no statement per initiative or report
    assertThat(counted.statements()).isLessThanOrEqualTo(16);
    assertThat(SqlStatements.count(() -> bank.get(plan())).statements()).isLessThanOrEqualTo(11);
    JsonNode progress = counted.result().body();
    assertThat(progress.path("periods")).hasSize(2);
    assertThat(progress.path("periods").get(1).path("overall").path("initiativesPercent").decimalValue())
        .isEqualByComparingTo("50");
    JsonNode latest = progress.path("latest");
    assertThat(latest.path("overall").path("effectivenessPercent").decimalValue()).isEqualByComparingTo("62.5");
    assertThat(latest.path("overall").path("execution").findValuesAsText("currency")).containsExactly("EUR", "USD");
    assertThat(latest.path("overall").path("execution").findValuesAsText("percent")).containsExactly("75.0",
        "25.0");
    assertThat(latest.path("initiatives").get(0).path("onTime").asBoolean()).isFalse();
    assertThat(latest.path("initiatives").get(1).path("onTime").asBoolean()).isTrue();
    assertThat(latest.path("focusAreas").findValuesAsText("focusArea")).containsExactly("FA1", "FA2");
    // reported on, an initiative stays with its history: it can be cancelled, not removed
    assertThat(lead.delete(initiatives() + "/" + lawId).status()).isEqualTo(409);
    // the plan takes the statuses reported
    assertThat(lead.get(plan()).body().path("initiatives").get(1).path("status").asText()).isEqualTo("AT_RISK");
    assertThat(otherBank.get(plan() + "/progress").status()).isEqualTo(404);
    try (XSSFWorkbook workbook = workbook(lead, plan() + "/progress.xlsx", "ar")) {
      Sheet initiatives = workbook.getSheetAt(0);
      assertThat(initiatives.isRightToLeft()).isTrue();
      assertThat(initiatives.getLastRowNum()).isEqualTo(2);
      assertThat(initiatives.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(75.0);
      assertThat(initiatives.getRow(2).getCell(9).getNumericCellValue()).isEqualTo(50.0);
      // two periods, each for the plan and its two focus areas
      assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(6);
    }
    assertThat(officer.get("/api/engagements/" + engagement + "/history").body().findValuesAsText("action"))
        .contains("PROGRESS_REPORTED");
  }

  private static XSSFWorkbook workbook(Api who, String path, String language) throws IOException {
    ResponseEntity<byte[]> file = who.inLanguage(language).file(path);
    assertThat(file.getStatusCode().value()).as(path).isEqualTo(200);
    return new XSSFWorkbook(new ByteArrayInputStream(file.getBody()));
  }

  private void validateAnAssessment(int coverage, int implementation) {
    String evidence = lead.post("/api/engagements/" + engagement + "/evidence", Map.of("kind", "POLICY",
        "title", "National cybersecurity policy", "url", "https://gov.example.org/policy")).body().path("id")
        .asText();
    String assessment = lead.post("/api/engagements/" + engagement + "/assessments", Map.of("kind", "BASELINE",
        "asOf", LocalDate.now().minusDays(1).toString())).body().path("id").asText();
    String path = "/api/engagements/" + engagement + "/assessments/" + assessment;
    catalogue.current().elements().forEach(element -> assertThat(lead.exchange(HttpMethod.PUT, path + "/ratings/"
        + element.id(), Map.of("coverage", coverage, "implementation", implementation, "rationale",
        "As the policy shows.", "evidence", List.of(evidence))).status()).isEqualTo(200));
    assertThat(lead.post(path + "/submit", null).status()).isEqualTo(200);
    assertThat(officer.post(path + "/validate", null).status()).isEqualTo(200);
  }

  /** A complete initiative: two elements of focus area 2, a milestone, budget in two currencies, an indicator. */
  private static Map<String, Object> initiative() {
    Map<String, Object> initiative = new HashMap<>();
    initiative.put("title", "Establish the national CERT");
    initiative.put("objective", "A national CERT that handles incidents around the clock");
    initiative.put("focusArea", "FA2");
    initiative.put("elements", List.of("FA2.E1", "FA2.E2"));
    initiative.put("leadAgency", "National Cybersecurity Agency");
    initiative.put("contributingAgencies", List.of("Ministry of ICT", "Central Bank"));
    initiative.put("priority", "HIGH");
    initiative.put("startDate", "2027-01-01");
    initiative.put("endDate", "2029-12-31");
    initiative.put("milestones", List.of(Map.of("title", "National CERT staffed", "dueDate", "2028-06-30")));
    initiative.put("budget", List.of(budgetLine("1250000.5", "USD", true), budgetLine("30000000", "JPY", false)));
    initiative.put("kpis", List.of(kpi("incidents unresolved after 30 days")));
    return initiative;
  }

  private static Map<String, Object> budgetLine(String amount, String currency, boolean committed) {
    return Map.of("amount", new BigDecimal(amount), "currency", currency, "funding",
        committed ? "NATIONAL_BUDGET" : "DONOR", "committed", committed);
  }

  private static Map<String, Object> kpi(String unit) {
    Map<String, Object> kpi = new HashMap<>(Map.of("indicator", "Serious incidents unresolved after 30 days",
        "baseline", 120, "target", 20, "targetDate", "2028-12-31", "kind", "OUTCOME"));
    if (unit != null) {
      kpi.put("unit", unit);
    }
    return kpi;
  }

  /** The numbers of a plan's initiatives (not those of the focus areas and elements they name). */
  private static List<String> numbers(JsonNode plan) {
    return StreamSupport.stream(plan.path("initiatives").spliterator(), false)
        .map(initiative -> initiative.path("number").asText()).toList();
  }

  @Test
  void theWorldBankReviewsEachVersionWithCommentsPerInitiativeUntilItApproves() throws IOException {
    LifecycleDriver driver = new LifecycleDriver(engine);
    driver.jumpToActionPlan(engagement);
    // an empty plan is not submitted, and nothing is frozen
    Api.Response empty = complete(lead, "Task_DevelopActionPlan", Map.of());
    assertThat(fields(empty)).containsExactly("actionPlan");
    assertThat(lead.get(plan() + "/versions").body()).isEmpty();

    String cert = lead.post(initiatives(), initiative()).body().path("id").asText();
    Map<String, Object> awareness = initiative();
    awareness.put("title", "Run a national awareness campaign");
    awareness.put("focusArea", "FA4");
    awareness.put("elements", List.of("FA4.E1"));
    String campaign = lead.post(initiatives(), awareness).body().path("id").asText();
    assertThat(complete(lead, "Task_DevelopActionPlan", Map.of()).status()).isEqualTo(204);

    // version 1 waits for the World Bank, whose co-facilitator made the World Bank a partner
    JsonNode versions = lead.get(plan() + "/versions").body();
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).path("reviewer").asText()).isEqualTo("WORLD_BANK");
    assertThat(versions.get(0).path("decision").asText(null)).isNull();
    JsonNode first = bank.get(plan() + "/versions/1").body();
    assertThat(StreamSupport.stream(first.path("initiatives").spliterator(), false)
        .map(initiative -> initiative.path("title").asText()))
        .containsExactly("Establish the national CERT", "Run a national awareness campaign");
    assertThat(first.path("changes").asText(null)).isNull();
    // a co-facilitator of another country sees nothing; the team reads but does not review
    assertThat(otherBank.get(plan() + "/versions/1").status()).isEqualTo(404);
    assertThat(otherBank.post(plan() + "/versions/1/comments", Map.of("body", "Looks fine")).status())
        .isEqualTo(404);
    assertThat(lead.post(plan() + "/versions/1/comments", Map.of("body", "Looks fine")).status()).isEqualTo(403);
    assertThat(fields(bank.post(plan() + "/versions/1/comments", Map.of("initiativeId",
        "00000000-0000-0000-0000-000000000000", "body", "Which one?")))).containsExactly("initiativeId");

    Api.Response commented = bank.post(plan() + "/versions/1/comments", Map.of("initiativeId", cert,
        "body", "Say who staffs the CERT and fund its second year."));
    assertThat(commented.status()).as(commented.text()).isEqualTo(201);
    assertThat(commented.body().path("initiativeNumber").asText()).isEqualTo("I-1");
    assertThat(complete(bank, "Task_ReviewActionPlan", Map.of("actionPlanDecision", "changes-requested"))
        .status()).isEqualTo(204);
    // decided: the version takes no more comments
    assertThat(bank.post(plan() + "/versions/1/comments", Map.of("body", "One more thing")).status())
        .isEqualTo(409);

    // the team revises: the CERT gets a second budget line and a new end, the campaign goes, a new one comes
    Map<String, Object> revised = initiative();
    revised.put("endDate", "2030-06-30");
    JsonNode before = lead.get(plan()).body().path("initiatives").get(0);
    revised.put("milestones", List.of(Map.of("key", before.path("milestones").get(0).path("key").asText(),
        "title", "National CERT staffed", "dueDate", "2028-06-30")));
    List<Object> lines = new ArrayList<>();
    before.path("budget").forEach(line -> lines.add(Map.of("key", line.path("key").asText(), "amount",
        line.path("amount").decimalValue(), "currency", line.path("currency").asText(), "funding",
        line.path("funding").asText(), "committed", line.path("committed").asBoolean())));
    lines.add(budgetLine("600000", "USD", true));
    revised.put("budget", lines);
    Map<String, Object> indicator = kpi("incidents unresolved after 30 days");
    indicator.put("key", before.path("kpis").get(0).path("key").asText());
    revised.put("kpis", List.of(indicator));
    Api.Response put = lead.exchange(HttpMethod.PUT, initiatives() + "/" + cert, revised);
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(lead.delete(initiatives() + "/" + campaign).status()).isEqualTo(204);
    Map<String, Object> skills = initiative();
    skills.put("title", "Train 500 cybersecurity professionals");
    skills.put("focusArea", "FA5");
    skills.put("elements", List.of("FA5.E1"));
    String training = lead.post(initiatives(), skills).body().path("id").asText();
    assertThat(complete(lead, "Task_DevelopActionPlan", Map.of()).status()).isEqualTo(204);

    // version 2 shows what changed since version 1, field by field
    JsonNode second = bank.get(plan() + "/versions/2").body();
    assertThat(second.path("changes").path("added").findValuesAsText("id")).containsExactly(training);
    assertThat(second.path("changes").path("removed").findValuesAsText("id")).containsExactly(campaign);
    JsonNode changed = second.path("changes").path("changed");
    assertThat(changed.findValuesAsText("id")).containsExactly(cert);
    // the new budget line field by field, with nothing before it
    assertThat(changed.get(0).path("fields").findValuesAsText("field")).containsExactly("endDate",
        "budget.amount", "budget.currency", "budget.funding", "budget.committed");
    assertThat(changed.get(0).path("fields").get(0).path("before").asText()).isEqualTo("2029-12-31");
    assertThat(changed.get(0).path("fields").get(0).path("after").asText()).isEqualTo("2030-06-30");
    assertThat(changed.get(0).path("fields").get(1).path("before").asText(null)).isNull();
    assertThat(changed.get(0).path("fields").get(1).path("after").asText()).isEqualTo("600000");

    assertThat(complete(bank, "Task_ReviewActionPlan", Map.of("actionPlanDecision", "approved",
        "actionPlanComments", "Approved: a sound plan.")).status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly("Task_AllocateResources");

    // every version and comment stays, for the team to read; listed without reading the frozen plans (sign-in,
    // engagement, plan, the versions with their comments counted: none per version)
    SqlStatements.Counted<Api.Response> listed = SqlStatements.count(() -> lead.get(plan() + "/versions"));
    assertThat(listed.statements()).isLessThanOrEqualTo(6);
    JsonNode kept = listed.result().body();
    assertThat(kept.findValuesAsText("decision")).containsExactly("CHANGES_REQUESTED", "APPROVED");
    assertThat(kept.findValuesAsText("decidedBy")).containsOnly(bankUser);
    assertThat(lead.get(plan() + "/versions/1").body().path("comments").findValuesAsText("body"))
        .containsExactly("Say who staffs the CERT and fund its second year.");
    assertThat(lead.get(plan() + "/versions/2").body().path("comments").findValuesAsText("body"))
        .containsExactly("Approved: a sound plan.");
    assertThat(officer.get("/api/engagements/" + engagement + "/history").body().findValuesAsText("action"))
        .contains("ACTION_PLAN_SUBMITTED", "ACTION_PLAN_COMMENTED", "ACTION_PLAN_CHANGES_REQUESTED",
            "ACTION_PLAN_APPROVED");

    // the PDF report: the versions and their decisions, each initiative in full; Arabic set right to left
    for (String language : List.of("en", "ar")) {
      ResponseEntity<byte[]> file = bank.inLanguage(language).file(plan() + ".pdf");
      assertThat(file.getHeaders().getContentType()).hasToString("application/pdf");
      try (PDDocument report = Loader.loadPDF(file.getBody())) {
        String text = new PDFTextStripper().getText(report).replaceAll("\\s+", " ");
        assertThat(text).contains("Establish the national CERT", "Train 500 cybersecurity professionals")
            .doesNotContain("Run a national awareness campaign");
        if (language.equals("en")) {
          assertThat(text).contains("Version 1, submitted by", "Changes requested by", "Version 2", "Approved by");
        }
        Path png = Path.of("target", "exports", "action-plan-" + language + ".png");
        Files.createDirectories(png.getParent());
        ImageIO.write(new PDFRenderer(report).renderImageWithDPI(0, 80), "png", png.toFile());
      }
    }
  }

  @Test
  void whenTheWorldBankLeavesWhileItsReviewIsPendingTheSteeringCommitteeDecides() {
    new LifecycleDriver(engine).jumpToActionPlan(engagement);
    lead.post(initiatives(), initiative());
    complete(lead, "Task_DevelopActionPlan", Map.of());
    assertThat(bank.post(plan() + "/versions/1/comments", Map.of("body", "Cost the CERT's second year."))
        .status()).isEqualTo(201);

    // its co-facilitator, the World Bank's last person on the engagement, leaves: the World Bank is no partner
    JsonNode before = officer.get("/api/engagements/" + engagement).body();
    assertThat(StreamSupport.stream(before.path("engagement").path("partners").spliterator(), false)
        .map(JsonNode::asText)).contains("World Bank");
    String membership = StreamSupport.stream(before.path("members").spliterator(), false)
        .filter(member -> member.path("userId").asText().equals(bankUser))
        .findFirst().orElseThrow().path("id").asText();
    assertThat(officer.delete("/api/engagements/" + engagement + "/members/" + membership).status()).isEqualTo(204);
    JsonNode after = officer.get("/api/engagements/" + engagement).body();
    assertThat(StreamSupport.stream(after.path("engagement").path("partners").spliterator(), false)
        .map(JsonNode::asText))
        .doesNotContain("World Bank");

    // the same version now waits for the steering committee, with what the World Bank said so far
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly("Task_ApproveActionPlan");
    JsonNode pending = lead.get(plan() + "/versions/1").body();
    assertThat(pending.path("version").path("reviewer").asText()).isEqualTo("STEERING_COMMITTEE");
    assertThat(pending.path("comments").findValuesAsText("body")).containsExactly("Cost the CERT's second year.");
    Api committee = new Api(http, json, member("steering-committee", List.of("steering-committee")));
    assertThat(committee.post(plan() + "/versions/1/comments", Map.of("body", "Agreed, and approved."))
        .status()).isEqualTo(201);
    assertThat(complete(committee, "Task_ApproveActionPlan", Map.of("actionPlanDecision", "approved")).status())
        .isEqualTo(204);
    assertThat(lead.get(plan() + "/versions").body().findValuesAsText("decision")).containsExactly("APPROVED");
  }

  /** Completes the engagement's open task of this kind as the user would, through the API. */
  private Api.Response complete(Api user, String taskKey, Map<String, Object> answers) {
    String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement)
        .taskDefinitionKey(taskKey).singleResult().getId();
    return user.post("/api/tasks/" + task + "/complete", Map.of("variables", answers));
  }

  private static List<String> fields(Api.Response response) {
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    return response.body().path("errors").findValuesAsText("field");
  }

  private String member(String role, List<String> groups) {
    String user = TestUsers.create(engine, role, groups, List.of());
    assertThat(officer.post("/api/engagements/" + engagement + "/members", Map.of("userId", user, "role", role))
        .status()).isEqualTo(201);
    return user;
  }

  private String plan() {
    return "/api/engagements/" + engagement + "/action-plan";
  }

  private String initiatives() {
    return plan() + "/initiatives";
  }
}
