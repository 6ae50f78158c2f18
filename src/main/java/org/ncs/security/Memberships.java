package org.ncs.security;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the engine's group and tenant memberships in step with engagement membership: a user is in the tenant of
 * every country where they are a member of an engagement, and in the group of every ministry role they hold
 * there. Partner roles (ITU officer, World Bank co-facilitator) and administrators are granted by an
 * administrator and left alone. Runs in the caller's transaction.
 */
@Service
public class Memberships {

  private final IdentityService identity;
  private final SystemAccess system;

  Memberships(IdentityService identity, SystemAccess system) {
    this.identity = identity;
    this.system = system;
  }

  public boolean userExists(String userId) {
    return system.call(() -> identity.createUserQuery().userId(userId).count() == 1);
  }

  public boolean hasGroup(String userId, String group) {
    return system.call(() -> identity.createGroupQuery().groupMember(userId).groupId(group).count() == 1);
  }

  /**
   * Makes the user's ministry-role groups and tenants exactly those their engagement memberships imply.
   *
   * @param roles every role the user holds in any engagement
   * @param countries every country in which the user is a member of an engagement
   */
  @Transactional
  public void sync(String userId, Set<String> roles, Set<String> countries) {
    system.run(() -> {
      Set<String> groups = new HashSet<>();
      identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).forEach(groups::add);
      for (String role : roles) {
        if (Roles.isMinistryRole(role) && !groups.contains(role)) {
          ensureGroup(identity, role);
          identity.createMembership(userId, role);
        }
      }
      for (String group : groups) {
        if (Roles.isMinistryRole(group) && !roles.contains(group)) {
          identity.deleteMembership(userId, group);
        }
      }
      Set<String> tenants = new HashSet<>();
      identity.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId).forEach(tenants::add);
      for (String country : countries) {
        if (!tenants.contains(country)) {
          ensureTenant(country);
          identity.createTenantUserMembership(country, userId);
        }
      }
      for (String tenant : tenants) {
        if (!countries.contains(tenant)) {
          identity.deleteTenantUserMembership(tenant, userId);
        }
      }
    });
  }

  static void ensureGroup(IdentityService identity, String role) {
    if (identity.createGroupQuery().groupId(role).count() == 0) {
      Group group = identity.newGroup(role);
      group.setName(role);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void ensureTenant(String country) {
    if (identity.createTenantQuery().tenantId(country).count() == 0) {
      Tenant tenant = identity.newTenant(country);
      tenant.setName(country);
      identity.saveTenant(tenant);
    }
  }
}
