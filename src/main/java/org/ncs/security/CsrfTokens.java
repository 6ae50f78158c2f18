package org.ncs.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * The CSRF token of the pages' forms is masked afresh on every page, so that compressed pages never repeat the same
 * secret (BREACH); scripts that use a session send the {@code XSRF-TOKEN} cookie's value back as it is, in the
 * {@code X-XSRF-TOKEN} header.
 */
final class CsrfTokens implements CsrfTokenRequestHandler {

  private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();
  private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    masked.handle(request, response, token);
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
    boolean header = StringUtils.hasText(request.getHeader(token.getHeaderName()));
    return (header ? plain : masked).resolveCsrfTokenValue(request, token);
  }
}
