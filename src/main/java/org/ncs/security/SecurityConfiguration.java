package org.ncs.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.ncs.web.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what:
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: HTTP Basic on every request, no session; the engine's own authorization and
 *       tenant checks then apply to the caller.</li>
 *   <li>{@code /api/**}: a browser session (form login at {@code /login}, CSRF token in the {@code XSRF-TOKEN}
 *       cookie, sent back as {@code X-XSRF-TOKEN}) or HTTP Basic for scripts (no session, so no CSRF); optionally
 *       OpenID Connect when a client registration is configured.</li>
 *   <li>the Camunda webapps bring their own login and CSRF protection; health, info and the API docs are
 *       public.</li>
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

  /** URLs the firewall refuses (encoded slashes, semicolons, ...) get a problem like any other bad request. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (request, response, rejected) -> ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST,
        Messages.get("problem.rejectedUrl"));
  }

  @Bean
  EngineAuthenticationFilter engineAuthenticationFilter(IdentityService identity, CurrentUsers users) {
    return new EngineAuthenticationFilter(identity, users);
  }

  /** Only the security chains run it, after authentication; it is not a filter of its own. */
  @Bean
  FilterRegistrationBean<EngineAuthenticationFilter> engineFilterRegistration(EngineAuthenticationFilter filter) {
    FilterRegistrationBean<EngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  /**
   * The engine's REST API is for administrators: everyone else works through our API, which keeps countries
   * apart where the engine's API cannot (aggregates, jobs, identity history).
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, ObjectMapper json, EngineAuthenticationFilter engine,
      CurrentUsers users) throws Exception {
    return http
        // a path pattern, not an MVC matcher: the engine REST API is a servlet of its own, outside Spring MVC
        .securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
            new AuthorizationDecision(CurrentUsers.isUser(authentication.get())
                && users.forRequest(context.getRequest(), authentication.get().getName()).isAdmin())))
        .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthenticated(json)))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(ProblemResponses.unauthenticated(json))
            .accessDeniedHandler(ProblemResponses.forbidden(json, "problem.engineApiForAdministrators")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(engine, AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, EngineAuthenticationFilter engine,
      IdentityService identity, ObjectProvider<ClientRegistrationRepository> oidcClients,
      @Value("${ncs.security.oidc.username-claim:preferred_username}") String usernameClaim) throws Exception {
    http
        .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/login"), path("/logout"), path("/oauth2/**"),
            path("/login/oauth2/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/logout", "/oauth2/**", "/login/oauth2/**").permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthenticated(json)))
        .formLogin(Customizer.withDefaults())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(ProblemResponses.unauthenticated(json), path("/api/**"))
            .accessDeniedHandler(ProblemResponses.forbidden(json)))
        .csrf(csrf -> csrf
            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(SecurityConfiguration::sessionWrite))
        .addFilterAfter(engine, AuthorizationFilter.class);
    if (oidcClients.getIfAvailable() != null) {
      http.oauth2Login(login -> login.userInfoEndpoint(user -> user
          .oidcUserService(new OidcUsers(identity, usernameClaim))));
    }
    return http.build();
  }

  /** Our pages and the Camunda webapps, which have their own login; of the webapps, see {@link WebappGuard}. */
  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http, CurrentUsers users, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .addFilterBefore(new WebappGuard(users, json, webappPath), AuthorizationFilter.class)
        // the Camunda webapps protect themselves against CSRF; slow links need their assets cached
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.cacheControl(cache -> cache.disable()).frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /**
   * A write that rides on a browser session (and the login itself) needs the CSRF token. A request with Basic
   * credentials or without a session carries nothing a forged request could borrow; without credentials it is
   * answered 401.
   */
  private static boolean sessionWrite(HttpServletRequest request) {
    String method = request.getMethod();
    boolean write = !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
        || HttpMethod.OPTIONS.matches(method) || HttpMethod.TRACE.matches(method));
    String authorization = request.getHeader("Authorization");
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    boolean login = request.getRequestURI().equals(request.getContextPath() + "/login");
    return write && !basic && (login || request.getRequestedSessionId() != null);
  }
}
