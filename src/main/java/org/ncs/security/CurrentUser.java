package org.ncs.security;

import java.util.Set;

/**
 * The person behind a request: their engine groups (roles) and tenants (countries). Administrators see every
 * country.
 */
public record CurrentUser(String id, Set<String> groups, Set<String> tenants) {

  public CurrentUser {
    groups = Set.copyOf(groups);
    tenants = Set.copyOf(tenants);
  }

  public boolean isAdmin() {
    return groups.contains(Roles.ADMIN);
  }

  public boolean hasRole(String role) {
    return groups.contains(role);
  }

  /** A member of a country's own team: a ministry role other than stakeholder (partners are not the team). */
  public boolean isCountryTeam() {
    return groups.stream().anyMatch(role -> Roles.isMinistryRole(role) && !role.equals(Roles.STAKEHOLDER));
  }

  /** Whether this user may see anything of the country. */
  public boolean canSee(String country) {
    return isAdmin() || tenants.contains(country);
  }
}
