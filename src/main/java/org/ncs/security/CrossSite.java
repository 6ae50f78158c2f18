package org.ncs.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.ncs.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Changes that another site's page makes a browser send. Browsers say where a request comes from (Fetch Metadata,
 * {@code Sec-Fetch-Site}); scripts send no such header. A browser also adds the HTTP Basic credentials it once
 * prompted for to every request to the service, another site's forms included, so Basic credentials alone never
 * vouch for a browser's request.
 */
final class CrossSite {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private CrossSite() {
  }

  /** A change a browser sends for a page of another site (or of another host of the same site). */
  static boolean isWriteFromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return isWrite(request) && ("cross-site".equals(site) || "same-site".equals(site));
  }

  static boolean isWrite(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod());
  }

  /** Refuses such changes with a problem, before anything looks at the credentials they carry. */
  static OncePerRequestFilter refused(ObjectMapper json) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (isWriteFromAnotherSite(request)) {
          ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN, Messages.get("problem.crossSite"));
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }
}
