package org.ncs.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Our API and the engine's as one user sees them, over real HTTP with Basic credentials. */
public class Api {

  private final TestRestTemplate http;
  private final ObjectMapper json;
  private final Map<String, String> headers;

  public Api(TestRestTemplate http, ObjectMapper json, String user) {
    this(user == null ? http : http.withBasicAuth(user, TestUsers.PASSWORD), json, Map.of());
  }

  private Api(TestRestTemplate http, ObjectMapper json, Map<String, String> headers) {
    this.http = http;
    this.json = json;
    this.headers = headers;
  }

  /** The same user, asking for answers in this language (Accept-Language). */
  public Api inLanguage(String language) {
    return new Api(http, json, Map.of(HttpHeaders.ACCEPT_LANGUAGE, language));
  }

  public Response get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  public Response post(String path, Object body) {
    return exchange(HttpMethod.POST, path, body);
  }

  public Response delete(String path) {
    return exchange(HttpMethod.DELETE, path, null);
  }

  public Response exchange(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    this.headers.forEach(headers::set);
    String text;
    try {
      text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(text, headers), String.class);
    return new Response(response, json);
  }

  /** A file the service sends (an export, a download): its bytes as they came, or the status if it failed. */
  public ResponseEntity<byte[]> file(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.ALL));
    this.headers.forEach(headers::set);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  /** A form with a file, as multipart/form-data. */
  public Response upload(String path, Map<String, String> fields, String fileName, byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    this.headers.forEach(headers::set);
    return new Response(http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class), json);
  }

  /** A response with its body read as JSON. */
  public record Response(ResponseEntity<String> entity, ObjectMapper json) {

    public int status() {
      return entity.getStatusCode().value();
    }

    public JsonNode body() {
      try {
        return entity.getBody() == null ? json.missingNode() : json.readTree(entity.getBody());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Not JSON: " + entity.getBody(), e);
      }
    }

    public String text() {
      return entity.getBody();
    }

    public MediaType contentType() {
      return entity.getHeaders().getContentType();
    }

    @Override
    public String toString() {
      return status() + " " + entity.getBody();
    }
  }
}
