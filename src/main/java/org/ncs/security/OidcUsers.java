package org.ncs.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OpenID Connect login: the identity provider says who the person is, this service decides what they may do.
 * The claim named by {@code ncs.security.oidc.username-claim} must name a user of the engine's identity store;
 * their roles and countries come from there, exactly as for a password login.
 */
class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService provider = new OidcUserService();
  private final IdentityService identity;
  private final String usernameClaim;

  OidcUsers(IdentityService identity, String usernameClaim) {
    this.identity = identity;
    this.usernameClaim = usernameClaim;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    return toServiceUser(provider.loadUser(request));
  }

  OidcUser toServiceUser(OidcUser person) {
    String userId = person.getClaimAsString(usernameClaim);
    if (userId == null || identity.createUserQuery().userId(userId).count() == 0) {
      throw new OAuth2AuthenticationException(new OAuth2Error("unknown_user",
          "The identity provider's user is not a user of this service.", null));
    }
    List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> new SimpleGrantedAuthority("ROLE_" + group.getId()))
        .toList();
    return new DefaultOidcUser(roles, person.getIdToken(), person.getUserInfo(), usernameClaim);
  }
}
