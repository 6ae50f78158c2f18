package org.ncs.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page ({@code templates/error.html}) of every failure outside the API, in the person's language: what
 * the status means for them, and for an unexpected failure the id under which it was logged, never anything of
 * the inside. The API answers problem details instead.
 */
@Component
public class ErrorPages extends DefaultErrorAttributes {

  private static final String ERROR_ID = ErrorPages.class.getName() + ".errorId";
  private static final String DETAIL = ErrorPages.class.getName() + ".detail";

  /** Whether the request is one of our API's, which answers problem details, not pages. */
  public static boolean isApi(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = original instanceof String uri ? uri : request.getRequestURI();
    return path.startsWith(request.getContextPath() + "/api/");
  }

  /**
   * Answers the request with the error page of the status.
   *
   * @param detail what happened, in the person's language, for a page that can say more than its status (a task
   *     someone else completed, say); never anything of the inside
   */
  public static void send(HttpServletRequest request, HttpServletResponse response, int status, HttpHeaders headers,
      String errorId, String detail) {
    if (headers != null) {
      headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    }
    if (errorId != null) {
      request.setAttribute(ERROR_ID, errorId);
    }
    if (detail != null && status < 500) {
      request.setAttribute(DETAIL, detail);
    }
    try {
      response.sendError(status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object errorId = request.getAttribute(ERROR_ID, RequestAttributes.SCOPE_REQUEST);
    if (errorId != null) {
      attributes.put("errorId", errorId);
    }
    Object detail = request.getAttribute(DETAIL, RequestAttributes.SCOPE_REQUEST);
    if (detail != null) {
      attributes.put("detail", detail);
    }
    return attributes;
  }
}
