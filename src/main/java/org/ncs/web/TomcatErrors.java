package org.ncs.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers itself, for a request it refuses before the service sees it (a NUL byte in the path, say):
 * a problem for our API and the engine's, as every other error there; its own page, without the server's
 * details, anywhere else.
 */
public class TomcatErrors extends ErrorReportValve {

  public TomcatErrors() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String path = request.getDecodedRequestURI() == null ? request.getRequestURI() : request.getDecodedRequestURI();
    int status = response.getStatus();
    // an answer the service wrote itself stands; this is only for what Tomcat refused on its own
    if (status < 400 || response.isCommitted() || response.getContentWritten() > 0 || path == null
        || !(path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.contains("/api/engine/"))) {
      super.report(request, response, throwable);
      return;
    }
    Locale locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
    HttpStatus httpStatus = HttpStatus.resolve(status);
    String title = Messages.getOrDefault(locale, "problem.title." + status,
        httpStatus == null ? "Error" : httpStatus.getReasonPhrase());
    String detail = Messages.get(locale, "problem.invalid");
    byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
        + ",\"detail\":\"" + escape(detail) + "\"}").getBytes(StandardCharsets.UTF_8);
    try {
      response.resetBuffer();
      response.setContentType("application/problem+json;charset=UTF-8");
      response.setContentLength(problem.length);
      response.getOutputStream().write(problem);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client went away: nothing more to say
    }
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
