package org.ncs.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.SampleFiles;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** An engagement's documents through the API: files kept as they came, refused when they are not what they say. */
@IntegrationTest
class DocumentApiIT {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ObjectMapper json;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  String engagement;
  String member;
  String elsewhere;
  String stranger;

  @BeforeEach
  void engagement() {
    String officerId = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
    Api officer = new Api(http, json, officerId);
    engagement = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    member = TestUsers.create(engine, "drafting", List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + engagement + "/members", Map.of("userId", member,
        "role", "drafting-team")).status()).isEqualTo(201);
    elsewhere = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "Elsewhere",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    stranger = TestUsers.create(engine, "drafting", List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + elsewhere + "/members", Map.of("userId", stranger,
        "role", "drafting-team")).status()).isEqualTo(201);
  }

  @Test
  void aDocumentsVersionsComeBackAsTheyWereUploaded() throws Exception {
    byte[] draft = SampleFiles.docx();
    byte[] next = SampleFiles.pdf();

    Api.Response created = upload(member, "/api/engagements/" + engagement + "/documents",
        Map.of("kind", "strategy-draft", "title", "National Cybersecurity Strategy", "label", "0.9"),
        "C:\\fakepath\\Stratégie nationale v0.9.docx", draft);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode document = created.body();
    Api.Response second = upload(member, "/api/engagements/" + engagement + "/documents/"
        + document.path("id").asText() + "/versions", Map.of("label", "1.0", "changeNote", "After consultation"),
        "strategy-1.0.pdf", next);
    assertThat(second.status()).as(second.text()).isEqualTo(201);

    JsonNode listed = new Api(http, json, member).get("/api/engagements/" + engagement + "/documents").body();
    assertThat(listed).hasSize(1);
    JsonNode versions = listed.get(0).path("versions");
    assertThat(versions.findValuesAsText("label")).containsExactly("1.0", "0.9");
    JsonNode newest = versions.get(0).path("file");
    assertThat(newest.path("mediaType").asText()).isEqualTo(FileTypes.PDF);
    assertThat(newest.path("sha256").asText()).isEqualTo(sha256(next));
    assertThat(versions.get(1).path("file").path("mediaType").asText()).isEqualTo(FileTypes.DOCX);

    ResponseEntity<byte[]> downloaded = download(member, versions.get(1).path("file").path("id").asText());
    assertThat(downloaded.getBody()).isEqualTo(draft);
    assertThat(downloaded.getHeaders().getContentType().toString()).isEqualTo(FileTypes.DOCX);
    assertThat(downloaded.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(downloaded.getHeaders().getContentDisposition().getFilename()).isEqualTo("Stratégie nationale v0.9.docx");
    assertThat(downloaded.getHeaders().getETag()).isEqualTo("\"" + sha256(draft) + "\"");
    HttpHeaders cached = new HttpHeaders();
    cached.setIfNoneMatch(downloaded.getHeaders().getETag());
    assertThat(http.withBasicAuth(member, TestUsers.PASSWORD).exchange("/api/engagements/" + engagement + "/files/"
        + versions.get(1).path("file").path("id").asText(), HttpMethod.GET, new HttpEntity<>(cached), byte[].class)
        .getStatusCode().value()).isEqualTo(304);
  }

  @Test
  void aLargeFileIsKeptInChunksAndComesBackIdentical() throws Exception {
    byte[] large = new byte[25 * 1024 * 1024];
    new Random(7).nextBytes(large);
    byte[] header = SampleFiles.pdf();
    System.arraycopy(header, 0, large, 0, header.length);

    Api.Response created = upload(member, "/api/engagements/" + engagement + "/documents",
        Map.of("kind", "evidence", "title", "Survey data", "label", "1"), "survey.pdf", large);

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String fileId = created.body().path("versions").get(0).path("file").path("id").asText();
    assertThat(jdbc.queryForObject("select count(*) from stored_file_chunk where file_id = ?", Integer.class, fileId))
        .isEqualTo(25);
    assertThat(sha256(download(member, fileId).getBody())).isEqualTo(sha256(large));
  }

  @Test
  void whatIsNotAKeptKindOrNotWhatItsNameSaysIsRefusedAndNothingIsStored() throws Exception {
    long filesBefore = jdbc.queryForObject("select count(*) from stored_file", Long.class);
    long chunksBefore = jdbc.queryForObject("select count(*) from stored_file_chunk", Long.class);
    long documentsBefore = jdbc.queryForObject("select count(*) from document", Long.class);
    Map<String, byte[]> refused = Map.of(
        "setup.pdf", SampleFiles.executable(),
        "install.pdf", SampleFiles.script(),
        "bundle.zip", SampleFiles.zip(),
        "draft.docx", SampleFiles.pdf(),
        "empty.pdf", new byte[0]);
    for (Map.Entry<String, byte[]> file : refused.entrySet()) {
      Api.Response answer = upload(member, "/api/engagements/" + engagement + "/documents",
          Map.of("kind", "strategy-draft", "title", "A draft", "label", "1"), file.getKey(), file.getValue());
      assertThat(answer.status()).as(file.getKey()).isEqualTo(400);
      assertThat(answer.contentType().toString()).isEqualTo("application/problem+json");
      JsonNode errors = answer.body().path("errors");
      assertThat(errors.findValuesAsText("field")).as(file.getKey()).containsExactly("file");
    }
    byte[] huge = new byte[26 * 1024 * 1024];
    System.arraycopy(SampleFiles.pdf(), 0, huge, 0, SampleFiles.pdf().length);
    Api.Response tooLarge = upload(member, "/api/engagements/" + engagement + "/documents",
        Map.of("kind", "evidence", "title", "Too much", "label", "1"), "huge.pdf", huge);
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.body().path("errors").get(0).path("message").asText()).isEqualTo("must be at most 25 MB");

    assertThat(jdbc.queryForObject("select count(*) from stored_file", Long.class)).isEqualTo(filesBefore);
    assertThat(jdbc.queryForObject("select count(*) from stored_file_chunk", Long.class)).isEqualTo(chunksBefore);
    assertThat(jdbc.queryForObject("select count(*) from document", Long.class)).isEqualTo(documentsBefore);
    assertThat(new Api(http, json, member).get("/api/engagements/" + engagement + "/documents").body()).isEmpty();
  }

  @Test
  void anotherCountrysDocumentsAndFilesDoNotExist() throws Exception {
    Api.Response created = upload(member, "/api/engagements/" + engagement + "/documents",
        Map.of("kind", "risk-assessment", "title", "National risk assessment", "label", "1"), "risks.pdf",
        SampleFiles.pdf());
    JsonNode document = created.body();
    String fileId = document.path("versions").get(0).path("file").path("id").asText();

    Api outsider = new Api(http, json, stranger);
    assertThat(outsider.get("/api/engagements/" + engagement + "/documents").status()).isEqualTo(404);
    assertThat(download(stranger, engagement, fileId).getStatusCode().value()).isEqualTo(404);
    // nor through an engagement of their own
    assertThat(download(stranger, elsewhere, fileId).getStatusCode().value()).isEqualTo(404);
    assertThat(upload(stranger, "/api/engagements/" + elsewhere + "/documents/" + document.path("id").asText()
        + "/versions", Map.of("label", "2"), "risks.pdf", SampleFiles.pdf()).status()).isEqualTo(404);
    assertThat(upload(stranger, "/api/engagements/" + engagement + "/documents/" + document.path("id").asText()
        + "/versions", Map.of("label", "2"), "risks.pdf", SampleFiles.pdf()).status()).isEqualTo(404);
    assertThat(new Api(http, json, member).get("/api/engagements/" + engagement + "/documents").body()
        .get(0).path("versions")).hasSize(1);
  }

  @Test
  void everyDownloadOfAConfidentialDocumentIsInTheHistoryAndOthersAreNot() {
    JsonNode secret = upload(member, "/api/engagements/" + engagement + "/documents", Map.of("kind", "evidence",
        "title", "Incident register", "label", "2027-Q1", "confidential", "true"), "register.xlsx",
        SampleFiles.xlsx()).body();
    JsonNode open = upload(member, "/api/engagements/" + engagement + "/documents", Map.of("kind", "other",
        "title", "Press release", "label", "1"), "release.pdf", SampleFiles.pdf()).body();
    assertThat(secret.path("confidential").asBoolean()).isTrue();
    assertThat(open.path("confidential").asBoolean()).isFalse();

    ResponseEntity<byte[]> secretFile = download(member, secret.path("versions").get(0).path("file").path("id")
        .asText());
    ResponseEntity<byte[]> openFile = download(member, open.path("versions").get(0).path("file").path("id")
        .asText());
    assertThat(secretFile.getStatusCode().value()).isEqualTo(200);
    assertThat(openFile.getStatusCode().value()).isEqualTo(200);
    // nothing on the way keeps a copy of the confidential one
    assertThat(secretFile.getHeaders().getCacheControl()).contains("no-store");
    assertThat(openFile.getHeaders().getCacheControl()).doesNotContain("no-store");

    JsonNode history = new Api(http, json, member).get("/api/engagements/" + engagement + "/history?size=50").body()
        .path("items");
    List<JsonNode> downloads = new ArrayList<>();
    history.forEach(entry -> {
      if (entry.path("action").asText().equals("FILE_DOWNLOADED")) {
        downloads.add(entry);
      }
    });
    assertThat(downloads).hasSize(1);
    assertThat(downloads.get(0).path("actor").asText()).isEqualTo(member);
    assertThat(downloads.get(0).path("details").path("title").asText()).isEqualTo("Incident register");
  }

  private Api.Response upload(String user, String path, Map<String, String> fields, String name, byte[] content) {
    return new Api(http, json, user).upload(path, fields, name, content);
  }

  private ResponseEntity<byte[]> download(String user, String fileId) {
    return download(user, engagement, fileId);
  }

  private ResponseEntity<byte[]> download(String user, String engagementId, String fileId) {
    return http.withBasicAuth(user, TestUsers.PASSWORD).exchange("/api/engagements/" + engagementId + "/files/"
        + fileId, HttpMethod.GET, HttpEntity.EMPTY, byte[].class);
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
