package org.ncs.testing;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Users for tests, created straight in the engine's identity store with their groups and countries. */
public final class TestUsers {

  public static final String PASSWORD = "a-long-test-password";

  private TestUsers() {
  }

  /** HTTP as a new user with no country: enough for reference data such as the catalogue. */
  public static TestRestTemplate reader(TestRestTemplate anonymous, ProcessEngine engine) {
    return anonymous.withBasicAuth(create(engine, "reader", List.of("stakeholder"), List.of()), PASSWORD);
  }

  /** A new user (id {@code prefix-xxxxxxxx}) in these groups (roles) and tenants (countries). */
  public static String create(ProcessEngine engine, String prefix, List<String> groups, List<String> tenants) {
    IdentityService identity = engine.getIdentityService();
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName(prefix);
    user.setLastName("Tester");
    user.setEmail(id + "@example.org");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(id, group);
    }
    for (String tenant : tenants) {
      if (identity.createTenantQuery().tenantId(tenant).count() == 0) {
        identity.saveTenant(identity.newTenant(tenant));
      }
      identity.createTenantUserMembership(tenant, id);
    }
    return id;
  }
}
