package org.ncs.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a request: the one the person chose (kept in their session, and across sessions by
 * {@link LanguagePreferences}), else the best of their browser's Accept-Language, else English. Scripts without a
 * session get their Accept-Language.
 */
class UserLocaleResolver implements LocaleResolver {

  static final String SESSION_ATTRIBUTE = UserLocaleResolver.class.getName() + ".language";

  private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

  UserLocaleResolver() {
    browser.setSupportedLocales(Languages.SUPPORTED);
    browser.setDefaultLocale(Locale.ENGLISH);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale chosen) {
      return chosen;
    }
    return browser.resolveLocale(request);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (locale == null) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.removeAttribute(SESSION_ATTRIBUTE);
      }
    } else {
      request.getSession().setAttribute(SESSION_ATTRIBUTE, locale);
    }
  }
}
