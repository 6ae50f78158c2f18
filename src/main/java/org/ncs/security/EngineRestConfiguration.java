package org.ncs.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API as the starter configures it, with one change: a resource of a country the caller does
 * not belong to is answered 404, like one that does not exist, instead of a 500 that names the resource and
 * says it belongs to another tenant.
 */
@Configuration
@ConditionalOnWebApplication
class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig engineRestResources() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(ForeignTenantIsNotFound.class);
        register(ForeignTenantInRestExceptionIsNotFound.class);
      }
    };
  }

  /** The engine's code for "belongs to no authenticated tenant". */
  static final String TENANT_CHECK_FAILED = "ENGINE-13034";

  static boolean isForeignTenant(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(TENANT_CHECK_FAILED)) {
        return true;
      }
    }
    return false;
  }

  static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidRequestException", "message", "Not found", "code", 0))
        .build();
  }

  /** Chosen over the engine's own mapper for the same exception type by its priority. */
  @Provider
  @Priority(1)
  public static class ForeignTenantIsNotFound implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return isForeignTenant(exception) ? notFound() : engineDefault.toResponse(exception);
    }
  }

  /** The same for resources that wrap the engine's exception in their own (completing a task, say). */
  @Provider
  @Priority(1)
  public static class ForeignTenantInRestExceptionIsNotFound implements ExceptionMapper<RestException> {

    private final RestExceptionHandler engineDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return isForeignTenant(exception) ? notFound() : engineDefault.toResponse(exception);
    }
  }
}
