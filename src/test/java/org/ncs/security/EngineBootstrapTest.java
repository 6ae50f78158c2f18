package org.ncs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The administrator's documented password is fine on a laptop's embedded database and refused anywhere else. */
class EngineBootstrapTest {

  private static final String POSTGRES = "jdbc:postgresql://db.example:5432/ncs?ssl=true&password=secret";

  @Test
  void theDocumentedOrAnEmptyPasswordIsRefusedOnASharedDatabaseWithWhatToDo() {
    for (String password : new String[] {"admin", "", "  "}) {
      assertThatThrownBy(() -> new EngineBootstrap("admin", password, POSTGRES))
          .isInstanceOf(UnsafeDefaultException.class)
          .hasMessageContaining("jdbc:postgresql://db.example:5432/ncs)")
          .hasMessageNotContaining("secret");
    }
    FailureAnalysis analysis = new UnsafeDefaultFailureAnalyzer().analyze(new IllegalStateException(
        new UnsafeDefaultException("the problem", "the action")));
    assertThat(analysis.getDescription()).isEqualTo("the problem");
    assertThat(analysis.getAction()).isEqualTo("the action");
  }

  @Test
  void theEmbeddedDatabaseOrAPasswordOfOnesOwnStarts() {
    assertThatCode(() -> new EngineBootstrap("admin", "admin", "jdbc:h2:file:./data/ncs")).doesNotThrowAnyException();
    assertThatCode(() -> new EngineBootstrap("admin", "a-password-of-ours", POSTGRES)).doesNotThrowAnyException();
  }
}
