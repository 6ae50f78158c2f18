package org.ncs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An OpenID Connect login maps the provider's user onto a user of the identity store, by the configured claim;
 * the store decides roles. (No live provider is reachable here; the provider's side is Spring Security's.)
 */
@IntegrationTest
class OidcUsersIT {

  @Autowired
  ProcessEngine engine;

  @Test
  void theProvidersUserBecomesTheServiceUserWithTheirRoles() {
    String user = TestUsers.create(engine, "lead", List.of(Roles.LEAD_AUTHORITY), List.of("MAR"));
    OidcUsers oidc = new OidcUsers(engine.getIdentityService(), "preferred_username");

    OidcUser signedIn = oidc.toServiceUser(person(Map.of("sub", "8f2c", "preferred_username", user)));

    assertThat(signedIn.getName()).isEqualTo(user);
    assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_lead-authority");
  }

  @Test
  void aProviderUserWhoIsNotAUserOfTheServiceIsRefused() {
    OidcUsers oidc = new OidcUsers(engine.getIdentityService(), "preferred_username");

    assertThatThrownBy(() -> oidc.toServiceUser(person(Map.of("sub", "1", "preferred_username", "stranger"))))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("not a user of this service");
    assertThatThrownBy(() -> oidc.toServiceUser(person(Map.of("sub", "2"))))
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  private static OidcUser person(Map<String, Object> claims) {
    OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims);
    return new DefaultOidcUser(List.of(), token, "sub");
  }
}
