package org.ncs.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.ncs.web.ErrorPages;
import org.ncs.web.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what:
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: HTTP Basic on every request, no session; the engine's own authorization and
 *       tenant checks then apply to the caller.</li>
 *   <li>{@code /camunda/**}: the Camunda webapps, for administrators, with their own login and CSRF protection.</li>
 *   <li>our pages and {@code /api/**}: one browser session (sign-in page at {@code /login}; the CSRF token is in
 *       every form, and in the {@code XSRF-TOKEN} cookie to send back as {@code X-XSRF-TOKEN}), HTTP Basic for
 *       scripts (no session, so no CSRF token; a browser's request for another site's page always needs one),
 *       optionally OpenID Connect when a client registration is configured. Health, info, the API docs and the
 *       assets are public; the rest of the actuator (the metrics for Prometheus) is for administrators.</li>
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
        // no session, so no CSRF token: what a browser sends for another site's page is refused instead
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(CrossSite.refused(json), BasicAuthenticationFilter.class)
        .addFilterAfter(engine, AuthorizationFilter.class)
        .build();
  }

  /**
   * The Camunda webapps: their own login and CSRF protection, for administrators only ({@link WebappGuard}).
   */
  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http, CurrentUsers users, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
    return http
        .securityMatcher(path(webappPath + "/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .addFilterBefore(new WebappGuard(users, json, webappPath), AuthorizationFilter.class)
        .csrf(csrf -> csrf.disable())
        // slow links need the webapps' assets cached
        .headers(headers -> headers.cacheControl(cache -> cache.disable()).frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  /**
   * What anyone may fetch without signing in, and without the service looking at credentials: health (a load
   * balancer asks it while the database is away), the API's description, and the pages' assets.
   */
  @Bean
  @Order(3)
  SecurityFilterChain open(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(Arrays.stream(OPEN).map(SecurityConfiguration::path).toList()))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny()))
        .build();
  }

  private static final String[] OPEN = {"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
      "/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

  /** Our API and our pages share one sign-in: a browser session, HTTP Basic for scripts, optionally OIDC. */
  @Bean
  @Order(4)
  SecurityFilterChain service(HttpSecurity http, ObjectMapper json, EngineAuthenticationFilter engine,
      IdentityService identity, ObjectProvider<ClientRegistrationRepository> oidcClients,
      SignedIn signedIn, CurrentUsers users,
      @Value("${ncs.security.oidc.username-claim:preferred_username}") String usernameClaim) throws Exception {
    RequestMatcher api = path("/api/**");
    // what is not public of the actuator (the metrics for Prometheus) is for administrators, like the engine's API
    RequestMatcher actuator = path("/actuator/**");
    http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PUBLIC).permitAll()
            .requestMatchers(actuator).access((authentication, context) -> new AuthorizationDecision(
                CurrentUsers.isUser(authentication.get())
                    && users.forRequest(context.getRequest(), authentication.get().getName()).isAdmin()))
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthenticated(json)))
        .formLogin(login -> login.loginPage("/login").successHandler(signedIn).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(ProblemResponses.unauthenticated(json), new OrRequestMatcher(api,
                actuator))
            .defaultAuthenticationEntryPointFor(new SignInFirst(), request -> true)
            .defaultAccessDeniedHandlerFor(ProblemResponses.forbidden(json), new OrRequestMatcher(api, actuator))
            .defaultAccessDeniedHandlerFor((request, response, denied) -> ErrorPages.send(request, response,
                HttpStatus.FORBIDDEN.value(), null, null,
                denied instanceof CsrfException ? Messages.get("error.csrf") : null), request -> true))
        .csrf(csrf -> csrf
            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new CsrfTokens())
            .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .addFilterAfter(engine, AuthorizationFilter.class);
    if (oidcClients.getIfAvailable() != null) {
      http.oauth2Login(login -> login.loginPage("/login").successHandler(signedIn)
          .userInfoEndpoint(user -> user.oidcUserService(new OidcUsers(identity, usernameClaim))));
    }
    return http.build();
  }

  /**
   * What a session without a sign-in may reach: signing in, the sign-in page's language, the error page, and an
   * email's unsubscribe link (its signed token is all the authority it needs).
   */
  private static final String[] PUBLIC = {"/login", "/language", "/error", "/oauth2/**", "/login/oauth2/**",
      "/unsubscribe"};

  /**
   * Writes a signed link authorises by itself, as a mail reader's one-click unsubscribe sends them (RFC 8058): no
   * CSRF token there, nor anything a forged request could borrow.
   */
  private static final String SIGNED_LINKS = "/unsubscribe";

  /**
   * Everything the pages use comes from the service itself: no inline script, no inline style sheet, no other
   * host, no framing. Style attributes are allowed: the diagram viewer styles the shapes it draws with them.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /**
   * A write from a page, one that rides on a browser session, or one a browser sends for another site's page needs
   * the CSRF token. A script's write with Basic credentials, or to the API without a session, carries nothing a
   * forged request could borrow (without credentials it is answered 401).
   */
  private static boolean needsCsrfToken(HttpServletRequest request) {
    if (!CrossSite.isWrite(request) || request.getRequestURI().equals(request.getContextPath() + SIGNED_LINKS)) {
      return false;
    }
    if (CrossSite.isWriteFromAnotherSite(request)) {
      return true;
    }
    String authorization = request.getHeader("Authorization");
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    return !basic && (!api || request.getRequestedSessionId() != null);
  }
}
