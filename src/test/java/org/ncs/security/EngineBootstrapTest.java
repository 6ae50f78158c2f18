package org.ncs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ncs.security.EngineBootstrap.AdminPassword;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The administrator's documented password, refused on a shared database (on the embedded one the check does not
 * run): {@code ClusterIT} shows a stored default replaced on a restored database.
 */
class EngineBootstrapTest {

  @Test
  void aNewAdministratorNeedsAPasswordOfTheirOwn() {
    for (String password : new String[] {"admin", "", "  "}) {
      assertThat(EngineBootstrap.judge(false, false, password)).as(password).isEqualTo(AdminPassword.REFUSE);
    }
    assertThat(EngineBootstrap.judge(false, false, "a-password-of-ours")).isEqualTo(AdminPassword.SAFE);
  }

  @Test
  void aStoredDefaultIsReplacedByAPasswordOfOnesOwnOrTheNodeRefusesToStart() {
    assertThat(EngineBootstrap.judge(true, true, "a-password-of-ours")).isEqualTo(AdminPassword.REPLACE_STORED_DEFAULT);
    assertThat(EngineBootstrap.judge(true, true, "admin")).isEqualTo(AdminPassword.REFUSE);
    assertThat(EngineBootstrap.judge(true, true, "")).isEqualTo(AdminPassword.REFUSE);
    // a password changed since the first start: the configured one is not used
    assertThat(EngineBootstrap.judge(true, false, "")).isEqualTo(AdminPassword.SAFE);
  }

  @Test
  void theRefusalSaysWhatToDoWithoutTheDatabasesAddress() {
    UnsafeDefaultException refusal = EngineBootstrap.refusal("jdbc:sqlserver://db.example;user=sa;password=secret");
    FailureAnalysis analysis = new UnsafeDefaultFailureAnalyzer().analyze(new IllegalStateException(refusal));

    assertThat(analysis.getDescription()).contains("shared sqlserver database").doesNotContain("secret", "example");
    assertThat(analysis.getAction()).contains("NCS_ADMIN_PASSWORD");
  }
}
