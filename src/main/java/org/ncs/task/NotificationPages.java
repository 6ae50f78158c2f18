package org.ncs.task;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.ncs.notification.PersonNotifications;
import org.ncs.security.CurrentUsers;
import org.ncs.web.Failures;
import org.ncs.web.Pages;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The bell in every page's header (how many notifications are unread) and the page that lists them, where they
 * are marked read.
 */
@Controller
@Validated
class NotificationPages implements WebMvcConfigurer, HandlerInterceptor {

  static final int PAGE_SIZE = 30;

  private final Notices notices;
  private final PersonNotifications notifications;
  private final CurrentUsers users;

  NotificationPages(Notices notices, PersonNotifications notifications, CurrentUsers users) {
    this.notices = notices;
    this.notifications = notifications;
    this.users = users;
  }

  @GetMapping("/notifications")
  String list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, Model model) {
    model.addAttribute("notices", notices.of(users.current(), page, PAGE_SIZE));
    model.addAttribute("pageSize", PAGE_SIZE);
    model.addAttribute("section", "notifications");
    return "task/notifications";
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable @Pattern(regexp = TaskPages.ID, message = "{validation.id}") String id,
      @RequestParam(name = "open", required = false) String open) {
    notifications.read(users.current(), List.of(id));
    return "redirect:" + Pages.localPath(open == null ? "/notifications" : open);
  }

  @PostMapping("/notifications/read")
  String readAll() {
    notifications.read(users.current(), List.of());
    return "redirect:/notifications";
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).excludePathPatterns("/api/**");
  }

  /** Every page a signed-in person sees counts their unread notifications, for the bell. */
  @Override
  public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
      ModelAndView view) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!Pages.isPage(view) || !CurrentUsers.isUser(authentication)) {
      return;
    }
    try {
      view.addObject("unreadNotifications", notifications.unread(users.current()));
    } catch (RuntimeException e) {
      if (!Failures.isDatabaseUnavailable(e)) {
        throw e;
      }
    }
  }
}
