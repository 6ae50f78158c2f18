package org.ncs.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * What each role may do in the engine, granted once at start-up (and completed if a later version grants
 * more). Grants are for all resources of a kind; the tenant check then limits each user to their countries, and
 * the engine grants candidate groups the work on their own tasks. With authorization checks on, nothing else is
 * allowed; the engine's administrators ({@code camunda-admin}) may do everything.
 */
@Component
class EngineAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String role : Roles.ENGAGEMENT_ROLES) {
      Memberships.ensureGroup(engine.getIdentityService(), role);
      grant(authorizations, role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(authorizations, role, Resources.FILTER, "*", Permissions.READ);
      grant(authorizations, role, Resources.DEPLOYMENT, "*", Permissions.READ);
      grant(authorizations, role, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      grant(authorizations, role, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    }
    for (String partner : Roles.PARTNER_ROLES) {
      // partners follow every task of their countries, not only their own
      grant(authorizations, partner, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(authorizations, partner, Resources.TASK, "*", Permissions.READ);
    }
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
