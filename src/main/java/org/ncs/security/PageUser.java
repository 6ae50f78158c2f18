package org.ncs.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.ncs.web.Failures;
import org.ncs.web.Pages;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Who is signed in, as every page's header shows them (as {@code me}): their name and their roles. */
@Configuration
class PageUser implements WebMvcConfigurer, HandlerInterceptor {

  /**
   * @param roles the person's roles, in the order the guide meets them
   * @param partner an ITU officer, World Bank co-facilitator or administrator: they follow several countries
   */
  record Me(String id, String name, List<String> roles, boolean admin, boolean partner) {
  }

  private final CurrentUsers users;

  PageUser(CurrentUsers users) {
    this.users = users;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
      ModelAndView view) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!Pages.isPage(view) || !CurrentUsers.isUser(authentication)) {
      return;
    }
    CurrentUser user;
    try {
      user = users.forRequest(request, authentication.getName());
    } catch (RuntimeException e) {
      if (Failures.isDatabaseUnavailable(e)) {
        return; // the error page that says so, without the person's name
      }
      throw e;
    }
    HttpSession session = request.getSession(false);
    Object name = session == null ? null : session.getAttribute(SignedIn.NAME_ATTRIBUTE);
    List<String> roles = Roles.ENGAGEMENT_ROLES.stream().filter(user::hasRole).toList();
    boolean partner = user.isAdmin() || Roles.PARTNER_ROLES.stream().anyMatch(user::hasRole);
    view.addObject("me", new Me(user.id(), name instanceof String text ? text : user.id(), roles, user.isAdmin(),
        partner));
  }
}
