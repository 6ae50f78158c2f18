package org.ncs.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies to our API above {@code ncs.api.max-request-size} (256 KB by default; the largest form
 * is far smaller) with 413, whether the size is announced or only discovered while reading.
 */
@Component
// just inside UnhandledFailures
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

  private final long limit;
  private final ObjectMapper json;

  RequestSizeLimit(@Value("${ncs.api.max-request-size:256KB}") DataSize limit, ObjectMapper json) {
    this.limit = limit.toBytes();
    this.json = json;
  }

  /**
   * Where files are uploaded, as multipart forms: their own limits apply ({@code ncs.files.max-size}, multipart
   * settings). Anything else sent there, JSON say, is held to this filter's limit.
   */
  private static final Pattern UPLOADS = Pattern.compile(
      "/api/engagements/[^/]+/documents(/[^/]+/versions)?|/api/tasks/[^/]+/feedback");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String type = request.getContentType();
    return !path.startsWith("/api/") || UPLOADS.matcher(path).matches() && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      tooLarge(request, response);
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // before Spring has set the request's language: this filter runs first
    ProblemDetail problem = Problems.of(request.getLocale(), HttpStatus.PAYLOAD_TOO_LARGE,
        Messages.get(request.getLocale(), "problem.tooLarge", limit), request.getRequestURI());
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Thrown while reading a body that turns out longer than allowed. */
  static class TooLargeException extends IOException {

    private final long limit;

    TooLargeException(long limit) {
      super("Request body larger than " + limit + " bytes");
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream body = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = body.read();
            if (b >= 0 && ++read > limit) {
              throw new TooLargeException(limit);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
              throw new TooLargeException(limit);
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return body.isFinished();
          }

          @Override
          public boolean isReady() {
            return body.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
