package org.ncs.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling, read afresh from the engine's identity store on every request, so that a change of role or
 * country applies to the very next request.
 */
@Service
public class CurrentUsers {

  /**
   * The user's groups and countries (tenants, directly or through a group) in one statement instead of the
   * identity service's two queries: this runs on every request. The tables are those the identity service writes.
   */
  private static final String GROUPS_AND_TENANTS = """
      select 'group', GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?
      union all
      select 'tenant', TENANT_ID_ from ACT_ID_TENANT_MEMBER
       where USER_ID_ = ? or GROUP_ID_ in (select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?)
      """;

  private final JdbcTemplate jdbc;

  CurrentUsers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Where the request's user is kept once loaded, so a request reads the identity store once. */
  static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

  /** The authenticated user of this request. */
  public CurrentUser current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!CurrentUsers.isUser(authentication)) {
      throw new AuthenticationCredentialsNotFoundException("No authenticated user");
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null
        && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser loaded
        && loaded.id().equals(authentication.getName())) {
      return loaded;
    }
    return load(authentication.getName());
  }

  /** A real user, not the anonymous placeholder of public pages. */
  public static boolean isUser(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated() && authentication.getName() != null
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** The request's user, read once per request: whoever asks later in the same request gets the same. */
  CurrentUser forRequest(HttpServletRequest request, String userId) {
    if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof CurrentUser loaded && loaded.id().equals(userId)) {
      return loaded;
    }
    CurrentUser user = load(userId);
    request.setAttribute(REQUEST_ATTRIBUTE, user);
    return user;
  }

  /** The user as they stand now in the identity store, for work done on their behalf outside a request. */
  public CurrentUser of(String userId) {
    return load(userId);
  }

  CurrentUser load(String userId) {
    Set<String> groups = new HashSet<>();
    Set<String> tenants = new HashSet<>();
    jdbc.query(GROUPS_AND_TENANTS, (RowCallbackHandler) row ->
        ("group".equals(row.getString(1)) ? groups : tenants).add(row.getString(2)), userId, userId, userId);
    return new CurrentUser(userId, groups, tenants);
  }
}
