package org.ncs.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the engine needs before anyone signs in, set up on every start and completed if a later version needs
 * more: the administrator (on the first start only), a group per role with what it may do, and the Tasklist's
 * task filter. Grants are for all resources of a kind; the tenant check then limits each user to their
 * countries, and the engine grants candidate groups the work on their own tasks. With authorization checks on,
 * nothing else is allowed; the engine's administrators ({@code camunda-admin}) may do everything.
 *
 * <p>Nodes of a cluster starting together on an empty database would race to create the same rows; the set-up
 * runs in one transaction that first takes the engine's exclusive lock (the one its deployments take), so the
 * second node finds everything made and adds nothing.
 */
@Component
class EngineBootstrap extends AbstractProcessEnginePlugin {

  static final String TASK_FILTER = "All tasks";
  /** What the README and application.yaml give for the embedded database on a laptop. */
  static final String DEFAULT_PASSWORD = "admin";
  private static final Logger log = LoggerFactory.getLogger(EngineBootstrap.class);

  private final String adminId;
  private final String adminPassword;

  EngineBootstrap(@Value("${ncs.admin.user}") String adminId, @Value("${ncs.admin.password}") String adminPassword,
      @Value("${spring.datasource.url:}") String databaseUrl) {
    if (!databaseUrl.startsWith("jdbc:h2:") && (adminPassword.isBlank() || adminPassword.equals(DEFAULT_PASSWORD))) {
      throw new UnsafeDefaultException("The administrator's password is the documented default ('"
          + DEFAULT_PASSWORD + "') or empty, and the service runs on a shared database (" + databaseUrl.replaceAll(
          "\\?.*", "") + "), where anyone who read the README could sign in as administrator.",
          "Set NCS_ADMIN_PASSWORD to a password of your own, from a secret of your platform, and start again.");
    }
    this.adminId = adminId;
    this.adminPassword = adminPassword;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          context.getPropertyManager().acquireExclusiveLock();
          administrator(engine.getIdentityService(), engine.getAuthorizationService());
          roles(engine.getIdentityService(), engine.getAuthorizationService());
          taskFilter(engine.getFilterService());
          return null;
        });
    // the engine is told not to look for REVOKE authorizations before every command: say so if any exist
    long revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      log.error("{} REVOKE authorizations exist but are not applied (camunda.bpm.authorization."
          + "authorization-check-revokes: never): take away grants instead, or set it to auto", revokes);
    }
  }

  /** The first administrator, with every permission on everything: created once, never changed afterwards. */
  private void administrator(IdentityService identity, AuthorizationService authorizations) {
    if (identity.createUserQuery().userId(adminId).count() > 0) {
      return;
    }
    User admin = identity.newUser(adminId);
    admin.setFirstName("NCS");
    admin.setLastName("Administrator");
    admin.setPassword(adminPassword);
    identity.saveUser(admin);
    if (identity.createGroupQuery().groupId(Roles.ADMIN).count() == 0) {
      Group group = identity.newGroup(Roles.ADMIN);
      group.setName("Administrators");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    for (Resource resource : Resources.values()) {
      grant(authorizations, Roles.ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    identity.createMembership(adminId, Roles.ADMIN);
    log.info("Created the administrator {}: change the password for anything but local use", adminId);
  }

  private static void roles(IdentityService identity, AuthorizationService authorizations) {
    for (String role : Roles.ENGAGEMENT_ROLES) {
      Memberships.ensureGroup(identity, role);
      // the webapps are for administrators: everyone else works in the service's own pages (WebappGuard)
      withdraw(authorizations, role, Resources.APPLICATION, "tasklist");
      withdraw(authorizations, role, Resources.APPLICATION, "cockpit");
      withdraw(authorizations, role, Resources.FILTER, "*");
      grant(authorizations, role, Resources.DEPLOYMENT, "*", Permissions.READ);
      grant(authorizations, role, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      grant(authorizations, role, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    }
    for (String partner : Roles.PARTNER_ROLES) {
      // partners follow every task of their countries, not only their own
      grant(authorizations, partner, Resources.TASK, "*", Permissions.READ);
    }
  }

  /** The Tasklist's one filter: every task the user may see. */
  private static void taskFilter(FilterService filters) {
    if (filters.createFilterQuery().filterName(TASK_FILTER).count() == 0) {
      filters.saveFilter(filters.newTaskFilter(TASK_FILTER));
    }
  }

  /** Takes away what an earlier version granted. */
  private static void withdraw(AuthorizationService authorizations, String group, Resource resource, String id) {
    authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(id)
        .authorizationType(AUTH_TYPE_GRANT).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource, String id,
      Permission... permissions) {
    Authorization grant = authorizations.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(id).authorizationType(AUTH_TYPE_GRANT)
        .list().stream().findFirst()
        .orElseGet(() -> {
          Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(group);
          created.setResource(resource);
          created.setResourceId(id);
          return created;
        });
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        grant.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(grant);
    }
  }
}
