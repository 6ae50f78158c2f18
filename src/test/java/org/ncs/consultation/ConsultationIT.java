package org.ncs.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.lifecycle.LifecycleDriver;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.SampleFiles;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A consultation round through the API, as a ministry runs it: the drafting team releases an uploaded draft to two
 * stakeholder groups, each group's person comments item by item on their own task only, the drafting team gives
 * every comment a disposition, the next draft answers the comments it took up, and the log is published.
 */
@IntegrationTest
class ConsultationIT {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ObjectMapper json;
  @Autowired
  ProcessEngine engine;

  Api officer;
  String engagement;
  String lead;
  String drafting;
  String business;
  String citizen;

  @BeforeEach
  void engagementAtDrafting() {
    officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    engagement = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    lead = member("lead-authority");
    drafting = member("drafting-team");
    business = member("stakeholder");
    citizen = member("stakeholder");
    person(organisation("Chamber of Digital Commerce", "private-sector"), business);
    person(organisation("Digital Rights Association", "civil-society"), citizen);
    LifecycleDriver driver = new LifecycleDriver(engine);
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment", "Task_ApprovePlan", "Task_AssessNationalLandscape",
        "Task_AssessRiskLandscape", "Task_ReportAnalysis", "Task_ReviewAnalysis")) {
      driver.complete(task(step), Map.of("planDecision", "approved", "analysisDecision", "accepted"));
    }
  }

  @Test
  void eachGroupCommentsOnItsOwnTaskAndEveryCommentIsDispositionedAndAnsweredByTheNextDraft() throws Exception {
    Api team = as(drafting);
    String draftTask = task("Task_DraftStrategy").getId();
    JsonNode document = team.upload("/api/engagements/" + engagement + "/documents", Map.of("kind",
        "strategy-draft", "title", "National Cybersecurity Strategy", "label", "1.0", "taskId", draftTask),
        "strategy-1.0.pdf", SampleFiles.pdf()).body();
    String version = document.path("versions").get(0).path("id").asText();
    assertThat(document.path("versions").get(0).path("file").path("taskId").asText()).isEqualTo(draftTask);
    // the form offers the engagement's document versions
    assertThat(team.get("/api/tasks/" + draftTask).body().path("fields").findValuesAsText("key"))
        .contains("draftDocument", "draftUrl");

    Api.Response released = team.post("/api/tasks/" + draftTask + "/complete", Map.of("variables", Map.of(
        "draftDocument", version, "consultationGroups", List.of("private-sector", "civil-society"))));
    assertThat(released.status()).as(released.text()).isEqualTo(204);

    String businessTask = feedbackTaskOf(business);
    String citizenTask = feedbackTaskOf(citizen);
    assertThat(businessTask).isNotEqualTo(citizenTask);
    // one group's person neither sees nor answers the other group's task
    assertThat(as(business).get("/api/tasks/" + citizenTask).status()).isEqualTo(404);
    assertThat(as(business).post("/api/tasks/" + citizenTask + "/feedback", Map.of("comment", "Not mine to say"))
        .status()).isEqualTo(404);
    assertThat(as(business).post("/api/tasks/" + citizenTask + "/complete", Map.of("variables", Map.of(
        "feedback", "Answering for someone else"))).status()).isEqualTo(404);
    // the feedback task links to the draft's file
    JsonNode mine = as(business).get("/api/tasks/" + businessTask + "/feedback").body();
    assertThat(mine.path("round").path("draftLabel").asText()).isEqualTo("1.0");
    assertThat(mine.path("round").path("draftLink").asText()).startsWith("/api/engagements/" + engagement
        + "/files/");
    assertThat(mine.path("canComment").asBoolean()).isTrue();

    // nothing said yet: the task cannot be completed
    Api.Response empty = as(business).post("/api/tasks/" + businessTask + "/complete", Map.of("variables",
        Map.of()));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().path("errors").findValuesAsText("field")).containsExactly("feedback");

    String onScope = as(business).post("/api/tasks/" + businessTask + "/feedback", Map.of("reference", "2.3",
        "comment", "Name the national CERT as the single point of contact.")).body().path("id").asText();
    long recordOfOne = statements(lead, "/api/engagements/" + engagement + "/consultation");
    // a comment still being written is the group's: the team sees it, the public log does not yet
    assertThat(as(lead).get("/api/engagements/" + engagement + "/consultation").body().path("rounds").get(0)
        .path("items")).hasSize(1);
    assertThat(as(citizen).get("/api/engagements/" + engagement + "/consultation?public=true").body()
        .path("rounds").get(0).path("items")).isEmpty();
    // a comment is short text: a JSON body of megabytes is refused before it is read
    assertThat(as(business).post("/api/tasks/" + businessTask + "/feedback", Map.of("comment",
        "x".repeat(300_000))).status()).isEqualTo(413);
    Api.Response withFile = as(business).upload("/api/tasks/" + businessTask + "/feedback",
        Map.of("reference", "4.1", "comment", "Our costed proposal is attached."), "proposal.pdf", SampleFiles.pdf());
    assertThat(withFile.status()).as(withFile.text()).isEqualTo(201);
    assertThat(withFile.body().path("attachmentFileId").asText()).isNotBlank();
    assertThat(as(business).post("/api/tasks/" + businessTask + "/complete", Map.of("variables", Map.of()))
        .status()).isEqualTo(204);
    assertThat(as(citizen).post("/api/tasks/" + citizenTask + "/complete", Map.of("variables", Map.of(
        "feedback", "Privacy safeguards belong in every pillar of the draft."))).status()).isEqualTo(204);

    String disposition = task("Task_DispositionFeedback").getId();
    JsonNode round = team.get("/api/tasks/" + disposition + "/feedback").body();
    assertThat(round.path("items")).hasSize(3);
    assertThat(round.path("canDisposition").asBoolean()).isTrue();
    assertThat(round.path("items").findValuesAsText("group"))
        .containsExactly("civil-society", "private-sector", "private-sector");
    // a stakeholder cannot give dispositions
    assertThat(as(business).exchange(HttpMethod.PUT, "/api/tasks/" + disposition + "/feedback/" + onScope
        + "/disposition", Map.of("disposition", "ACCEPTED", "reason", "Mine")).status()).isIn(403, 404);

    for (JsonNode item : round.path("items")) {
      if (!item.path("id").asText().equals(onScope)) {
        Api.Response given = team.exchange(HttpMethod.PUT, "/api/tasks/" + disposition + "/feedback/"
            + item.path("id").asText() + "/disposition", Map.of("disposition", "NOTED", "reason",
            "Outside the strategy's scope; kept for the action plan."));
        assertThat(given.status()).as(given.text()).isEqualTo(200);
      }
    }
    // one comment has no disposition yet: the task stays open, and says why
    Api.Response early = team.post("/api/tasks/" + disposition + "/complete", Map.of("variables", Map.of(
        "dispositionDecision", "redraft")));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().path("errors").findValuesAsText("field")).containsExactly("dispositionDecision");
    assertThat(early.body().path("errors").get(0).path("message").asText()).contains("1");
    assertThat(team.exchange(HttpMethod.PUT, "/api/tasks/" + disposition + "/feedback/" + onScope
        + "/disposition", Map.of("disposition", "MAYBE", "reason", "x")).status()).isEqualTo(400);
    assertThat(team.exchange(HttpMethod.PUT, "/api/tasks/" + disposition + "/feedback/" + onScope
        + "/disposition", Map.of("disposition", "ACCEPTED", "reason", "Section 2.3 now names the national CERT."))
        .status()).isEqualTo(200);
    assertThat(team.post("/api/tasks/" + disposition + "/complete", Map.of("variables", Map.of(
        "dispositionDecision", "redraft"))).status()).isEqualTo(204);

    // draft 1.1 answers the comment it took up
    String next = task("Task_DraftStrategy").getId();
    JsonNode second = team.upload("/api/engagements/" + engagement + "/documents/" + document.path("id").asText()
        + "/versions", Map.of("label", "1.1", "changeNote", "Answers the first consultation", "taskId", next),
        "strategy-1.1.pdf", SampleFiles.pdf()).body();
    assertThat(team.post("/api/tasks/" + next + "/complete", Map.of("variables", Map.of("draftDocument",
        second.path("versions").get(0).path("id").asText(), "consultationGroups", List.of("private-sector"))))
        .status()).isEqualTo(204);

    JsonNode record = as(lead).get("/api/engagements/" + engagement + "/consultation").body();
    assertThat(record.path("rounds")).hasSize(2);
    JsonNode first = record.path("rounds").get(0);
    assertThat(first.path("round").path("draftLabel").asText()).isEqualTo("1.0");
    JsonNode taken = find(first.path("items"), onScope);
    assertThat(taken.path("disposition").asText()).isEqualTo("ACCEPTED");
    assertThat(taken.path("answeredIn").asText()).isEqualTo("1.1");
    assertThat(taken.path("author").asText()).isEqualTo(business);
    assertThat(taken.path("organisation").asText()).isEqualTo("Chamber of Digital Commerce");
    assertThat(first.path("items").findValuesAsText("answeredIn")).containsOnlyOnce("1.1");

    // the record reads its rounds and their comments at once: as many statements for one comment as for three
    long recordOfAll = statements(lead, "/api/engagements/" + engagement + "/consultation");
    assertThat(recordOfAll).isEqualTo(recordOfOne).isLessThanOrEqualTo(12);

    // the full log names commenters; the public one does not, in any format
    for (String format : List.of("csv", "xlsx", "pdf")) {
      String full = text(lead, "/api/engagements/" + engagement + "/consultation/log." + format, format, "en");
      String open = text(lead, "/api/engagements/" + engagement + "/consultation/log." + format + "?public=true",
          format, "en");
      // a PDF's table wraps words anywhere: compared without spaces
      assertThat(squeezed(full)).as(format).contains(squeezed(business, citizen, drafting,
          "Chamber of Digital Commerce", "single point of contact", "Accepted"));
      assertThat(squeezed(open)).as(format).doesNotContain(squeezed(business, citizen, drafting))
          .contains(squeezed("Chamber of Digital Commerce", "single point of contact", "Accepted"));
    }
    // the audit trail has the round's releases, comments, dispositions and every download of the log
    assertThat(as(lead).get("/api/engagements/" + engagement + "/history?size=100").body().path("items")
        .findValuesAsText("action")).contains("DRAFT_RELEASED", "FEEDBACK_ADDED", "FILE_ATTACHED",
        "FEEDBACK_DISPOSITIONED", "STAKEHOLDER_PERSON_ADDED", "CONSULTATION_LOG_EXPORTED");
    // in the reader's language
    assertThat(text(lead, "/api/engagements/" + engagement + "/consultation/log.csv?public=true", "csv", "fr"))
        .contains("Accepté", "Société civile");
    // a stakeholder reads the public log only
    assertThat(as(business).get("/api/engagements/" + engagement + "/consultation").status()).isEqualTo(403);
    JsonNode published = as(business).get("/api/engagements/" + engagement + "/consultation?public=true").body();
    assertThat(published.path("rounds").get(0).path("items")).hasSize(3);
    assertThat(published.findValuesAsText("author")).isEmpty();
    assertThat(published.findValuesAsText("dispositionedBy")).isEmpty();
    assertThat(published.findValuesAsText("releasedBy")).isEmpty();
    assertThat(published.findValuesAsText("attachmentFileId")).isEmpty();
  }

  @Test
  void aDraftCannotBeReleasedToAGroupNobodyAnswersFor() {
    Api.Response refused = as(drafting).post("/api/tasks/" + task("Task_DraftStrategy").getId() + "/complete",
        Map.of("variables", Map.of("draftUrl", "https://gov.example.org/draft.pdf", "draftVersion", "0.9",
            "consultationGroups", List.of("private-sector", "academia"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("consultationGroups");
    assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("Academia")
        .doesNotContain("Private sector");
    assertThat(task("Task_DraftStrategy")).isNotNull();

    // someone taken off the team no longer answers for their organisation
    String memberId = officer.get("/api/engagements/" + engagement).body().path("members").findParents("userId")
        .stream().filter(m -> m.path("userId").asText().equals(business)).findFirst().orElseThrow()
        .path("id").asText();
    assertThat(officer.delete("/api/engagements/" + engagement + "/members/" + memberId).status()).isEqualTo(204);
    Api.Response nobody = as(drafting).post("/api/tasks/" + task("Task_DraftStrategy").getId() + "/complete",
        Map.of("variables", Map.of("draftUrl", "https://gov.example.org/draft.pdf", "draftVersion", "0.9",
            "consultationGroups", List.of("private-sector"))));
    assertThat(nobody.status()).isEqualTo(400);
    assertThat(nobody.body().path("errors").get(0).path("message").asText()).contains("Private sector");
  }

  @Test
  void aDraftIsADocumentOfThisEngagementOrALink() {
    String draftTask = task("Task_DraftStrategy").getId();
    Api.Response neither = as(drafting).post("/api/tasks/" + draftTask + "/complete", Map.of("variables", Map.of(
        "consultationGroups", List.of("private-sector"))));
    assertThat(neither.status()).isEqualTo(400);
    assertThat(neither.body().path("errors").findValuesAsText("field")).containsExactly("draftDocument");

    // another engagement's document is no choice here
    String elsewhere = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title",
        "Elsewhere", "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    String foreign = officer.upload("/api/engagements/" + elsewhere + "/documents", Map.of("kind",
        "strategy-draft", "title", "Their draft", "label", "1.0"), "theirs.pdf", SampleFiles.pdf()).body()
        .path("versions").get(0).path("id").asText();
    Api.Response theirs = as(drafting).post("/api/tasks/" + draftTask + "/complete", Map.of("variables", Map.of(
        "draftDocument", foreign, "consultationGroups", List.of("private-sector"))));
    assertThat(theirs.status()).isEqualTo(400);
    assertThat(theirs.body().path("errors").findValuesAsText("field")).containsExactly("draftDocument");

    // a link, with its version label, is a draft too
    assertThat(as(drafting).post("/api/tasks/" + draftTask + "/complete", Map.of("variables", Map.of(
        "draftUrl", "https://gov.example.org/ncs-draft-0.9.pdf", "draftVersion", "0.9",
        "consultationGroups", List.of("private-sector")))).status()).isEqualTo(204);
    JsonNode round = as(lead).get("/api/engagements/" + engagement + "/consultation").body().path("rounds").get(0)
        .path("round");
    assertThat(round.path("draftLabel").asText()).isEqualTo("0.9");
    assertThat(round.path("draftLink").asText()).isEqualTo("https://gov.example.org/ncs-draft-0.9.pdf");
  }

  private String text(String user, String path, String format, String language) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    ResponseEntity<byte[]> response = http.withBasicAuth(user, TestUsers.PASSWORD).exchange(path, HttpMethod.GET,
        new HttpEntity<>(headers), byte[].class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    byte[] bytes = response.getBody();
    return switch (format) {
      case "csv" -> new String(bytes, StandardCharsets.UTF_8);
      case "xlsx" -> {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
          for (Row row : workbook.getSheetAt(0)) {
            for (Cell cell : row) {
              cells.add(cell.getStringCellValue());
            }
          }
        }
        yield String.join("\n", cells);
      }
      default -> {
        PdfReader reader = new PdfReader(bytes);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
          text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        yield text.toString();
      }
    };
  }

  private long statements(String user, String path) {
    SqlStatements.Counted<Api.Response> counted = SqlStatements.count(() -> as(user).get(path));
    assertThat(counted.result().status()).isEqualTo(200);
    System.out.printf("%s: %d SQL statements%n", path, counted.statements());
    return counted.statements();
  }

  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static String[] squeezed(String... texts) {
    return Arrays.stream(texts).map(ConsultationIT::squeezed).toArray(String[]::new);
  }

  private static JsonNode find(JsonNode items, String id) {
    for (JsonNode item : items) {
      if (item.path("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no item " + id);
  }

  private String feedbackTaskOf(String user) {
    JsonNode tasks = as(user).get("/api/tasks?engagement=" + engagement).body().path("items");
    assertThat(tasks).as("the inbox of " + user).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private Task task(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).taskDefinitionKey(key)
        .singleResult();
  }

  private String organisation(String name, String category) {
    Api.Response created = officer.post("/api/engagements/" + engagement + "/stakeholders",
        Map.of("organisation", name, "category", category));
    assertThat(created.status()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  private void person(String stakeholder, String user) {
    Api.Response named = officer.post("/api/engagements/" + engagement + "/stakeholders/" + stakeholder + "/people",
        Map.of("userId", user));
    assertThat(named.status()).as(named.text()).isEqualTo(201);
    assertThat(named.body().path("people").get(0).asText()).isEqualTo(user);
  }

  private String member(String role) {
    String user = TestUsers.create(engine, role, List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + engagement + "/members", Map.of("userId", user, "role", role))
        .status()).isEqualTo(201);
    return user;
  }

  private Api as(String user) {
    return new Api(http, json, user);
  }
}
