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
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
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

  private final String databaseUrl;

  EngineBootstrap(@Value("${ncs.admin.user}") String adminId, @Value("${ncs.admin.password}") String adminPassword,
      @Value("${spring.datasource.url:}") String databaseUrl) {
    this.adminId = adminId;
    this.adminPassword = adminPassword;
    this.databaseUrl = databaseUrl;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          context.getPropertyManager().acquireExclusiveLock();
          protectAdministrator(engine);
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

  /**
   * On a shared database the administrator must not have the password anyone can read in the README: neither one
   * about to be created, nor one stored on an earlier start. A stored default is replaced by a configured password
   * of one's own; without one the node refuses to start.
   */
  private void protectAdministrator(ProcessEngine engine) {
    if (databaseUrl.startsWith("jdbc:h2:")) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    User admin = identity.createUserQuery().userId(adminId).singleResult();
    PasswordManager passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getPasswordManager();
    boolean storedIsDefault = admin instanceof UserEntity entity && entity.getPassword() != null
        && passwords.check(EncryptionUtil.saltPassword(DEFAULT_PASSWORD, entity.getSalt()), entity.getPassword());
    switch (judge(admin != null, storedIsDefault, adminPassword)) {
      case REFUSE -> throw refusal(databaseUrl);
      case REPLACE_STORED_DEFAULT -> {
        admin.setPassword(adminPassword);
        identity.saveUser(admin);
        log.warn("The administrator {} still had the documented password: it is now NCS_ADMIN_PASSWORD", adminId);
      }
      case SAFE -> { }
    }
  }

  enum AdminPassword { SAFE, REPLACE_STORED_DEFAULT, REFUSE }

  static AdminPassword judge(boolean adminExists, boolean storedIsDefault, String configured) {
    boolean configuredIsDefault = configured.isBlank() || configured.equals(DEFAULT_PASSWORD);
    if (adminExists && !storedIsDefault) {
      return AdminPassword.SAFE;
    }
    if (configuredIsDefault) {
      return AdminPassword.REFUSE;
    }
    return adminExists ? AdminPassword.REPLACE_STORED_DEFAULT : AdminPassword.SAFE;
  }

  /** What is wrong and what to do, naming the kind of database only (its URL may carry credentials). */
  static UnsafeDefaultException refusal(String databaseUrl) {
    String[] parts = databaseUrl.split(":");
    String vendor = parts.length > 2 && parts[0].equals("jdbc") ? parts[1] : "external";
    return new UnsafeDefaultException("The administrator's password is the documented default ('"
        + DEFAULT_PASSWORD + "') or empty, and the service runs on a shared " + vendor + " database, where anyone "
        + "who read the README could sign in as administrator.",
        "Set NCS_ADMIN_PASSWORD to a password of your own, from a secret of your platform, and start again: the "
        + "administrator is created with it, or, if they still have the default, given it instead.");
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
