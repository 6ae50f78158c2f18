package org.ncs.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page shows, the error pages included: the languages to switch to, the page's direction, and the
 * page's own address (where the language switcher comes back to).
 */
public class Pages implements HandlerInterceptor {

  /** A language of the switcher: its tag, and its name in itself. */
  public record LanguageChoice(String tag, String name, boolean current) {
  }

  /** Whether a handler's answer is a page (a view to render), not a redirect or the API's JSON. */
  public static boolean isPage(ModelAndView view) {
    return view != null && view.getViewName() != null && !view.getViewName().startsWith("redirect:")
        && !view.getViewName().startsWith("forward:");
  }

  @Override
  public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
      ModelAndView view) {
    if (!isPage(view)) {
      return;
    }
    Locale current = LocaleContextHolder.getLocale();
    view.addObject("languages", Languages.SUPPORTED.stream()
        .map(language -> new LanguageChoice(language.getLanguage(), Languages.ownName(language),
            language.getLanguage().equals(current.getLanguage())))
        .toList());
    view.addObject("rtl", Languages.isRightToLeft(current));
    view.addObject("here", here(request));
  }

  /** The page's path and query; for an error page, those of the page that failed. */
  private static String here(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = failed instanceof String uri ? uri : request.getRequestURI();
    String query = failed == null ? request.getQueryString() : null;
    String local = path.substring(request.getContextPath().length());
    return localPath(query == null || !"GET".equals(request.getMethod()) ? local : local + "?" + query);
  }

  /**
   * Where to go back to after a form: a path of this service, never another site (an open redirect would let a
   * link to us send people elsewhere). Braces are encoded: a redirect would read them as a URI template.
   */
  public static String localPath(String path) {
    if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
        || path.chars().anyMatch(Character::isISOControl)) {
      return "/";
    }
    return path.replace("{", "%7B").replace("}", "%7D");
  }
}
