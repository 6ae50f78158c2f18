package org.ncs.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A page asked for without a session goes to the sign-in page, and back to the page once signed in. A request of
 * the page's own scripts (htmx) whose session has expired tells the page to go there as a whole, instead of
 * putting the sign-in page inside the page.
 */
class SignInFirst implements AuthenticationEntryPoint {

  private final LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login");

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException, jakarta.servlet.ServletException {
    if ("true".equals(request.getHeader("HX-Request"))) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("HX-Redirect", request.getContextPath() + "/login");
      return;
    }
    page.commence(request, response, exception);
  }
}
