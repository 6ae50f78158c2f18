package org.ncs.security;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.ncs.web.Failures;
import org.ncs.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The engine REST API as the starter configures it, with its errors answered the way the rest of the service
 * answers them: as problem details, without class names or the engine's internals, and for what the caller sent
 * wrong a 4xx, never a 500. A resource of a country the caller does not belong to is answered 404, like one that
 * does not exist, instead of a 500 that names it and says it belongs to another tenant.
 */
@Configuration
@ConditionalOnWebApplication
class EngineRestConfiguration {

  /** The engine's code for "belongs to no authenticated tenant". */
  static final String TENANT_CHECK_FAILED = "ENGINE-13034";
  private static final Logger log = LoggerFactory.getLogger(EngineRestConfiguration.class);
  /** A fully qualified Java class name, e.g. org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto. */
  private static final Pattern CLASS_NAME = Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][\\w$]*)`?");
  private static final Pattern ENGINE_CODE = Pattern.compile("\\bENGINE-\\d+\\s*");

  @Bean
  CamundaJerseyResourceConfig engineRestResources() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        // ours are chosen over the engine's mappers of the same exception types by their priority
        register(AnyFailure.class);
        register(EngineFailure.class);
        register(RestFailure.class);
        register(BodyNotJson.class);
        register(BodyNotOfTheShape.class);
        register(WebFailure.class);
      }
    };
  }

  static boolean isForeignTenant(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(TENANT_CHECK_FAILED)) {
        return true;
      }
    }
    return false;
  }

  /** What a failure of the engine REST API answers. */
  static Response problem(Throwable failure) {
    if (isForeignTenant(failure) || is(failure, NullValueException.class) || is(failure, NotFoundException.class)) {
      return respond(HttpStatus.NOT_FOUND, Messages.get("problem.notFound"));
    }
    if (is(failure, StreamConstraintsException.class)) {
      return respond(HttpStatus.BAD_REQUEST, Messages.get("problem.bodyTooComplex"));
    }
    if (is(failure, JsonProcessingException.class)) {
      return respond(HttpStatus.BAD_REQUEST, Messages.get("problem.bodyMissing"));
    }
    if (failure instanceof AuthorizationException) {
      return respond(HttpStatus.FORBIDDEN, Messages.get("problem.forbidden"));
    }
    if (failure instanceof BadUserRequestException || failure instanceof FormFieldValidationException) {
      return respond(HttpStatus.BAD_REQUEST, clean(failure.getMessage()));
    }
    if (Failures.isConflict(failure) || failure instanceof OptimisticLockingException) {
      return respond(HttpStatus.CONFLICT, Messages.get("problem.concurrentChange"));
    }
    if (Failures.isDatabaseUnavailable(failure)) {
      return respond(HttpStatus.SERVICE_UNAVAILABLE, Messages.get("problem.unavailable", 5));
    }
    HttpStatus status = status(failure);
    if (status != null && status.is4xxClientError()) {
      return respond(status, clean(failure.getMessage()));
    }
    if (failure instanceof NullPointerException || failure instanceof IllegalArgumentException
        || failure instanceof ClassCastException) {
      // what the engine's resources throw for a missing or malformed value (a null variable, an id such as *)
      String errorId = UUID.randomUUID().toString();
      log.warn("Engine REST request refused as invalid, error id {}", errorId, failure);
      return respond(HttpStatus.BAD_REQUEST, Messages.get("problem.engineInvalid", errorId));
    }
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected error {} in the engine REST API", errorId, failure);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, Messages.get("problem.internal", errorId));
  }

  private static HttpStatus status(Throwable failure) {
    if (failure instanceof RestException rest && rest.getStatus() != null) {
      return HttpStatus.resolve(rest.getStatus().getStatusCode());
    }
    if (failure instanceof WebApplicationException web) {
      return HttpStatus.resolve(web.getResponse().getStatus());
    }
    return null;
  }

  private static boolean is(Throwable failure, Class<? extends Throwable> kind) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  /** The engine's message for a person: no Java class names, no engine codes. */
  static String clean(String message) {
    if (message == null || message.isBlank()) {
      return Messages.get("problem.invalid");
    }
    return ENGINE_CODE.matcher(CLASS_NAME.matcher(message).replaceAll("$1")).replaceAll("").trim();
  }

  private static Response respond(HttpStatus status, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", Messages.getOrDefault("problem.title." + status.value(), status.getReasonPhrase()));
    problem.put("status", status.value());
    problem.put("detail", detail);
    // the engine's own clients (the Modeler, scripts) read its error message from here
    problem.put("message", detail);
    return Response.status(status.value()).type("application/problem+json").entity(problem).build();
  }

  @Provider
  @Priority(1)
  public static class AnyFailure implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable failure) {
      return problem(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class EngineFailure implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException failure) {
      return problem(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class RestFailure implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException failure) {
      return problem(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class BodyNotJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException failure) {
      return problem(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class BodyNotOfTheShape implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException failure) {
      return problem(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class WebFailure implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException failure) {
      return problem(failure);
    }
  }
}
