package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A browser's answers become the values the API takes, so that the form's rules judge both alike. */
class FormAnswersTest {

  @Test
  void numbersListsAndEmptyInputsBecomeWhatTheApiReceives() {
    List<FormField> fields = List.of(field("budget", "number", null), field("staff", "number", null),
        field("groups", "checklist", null), field("notes", "textfield", null), field("title", "textfield", null));

    Map<String, Object> answers = FormAnswers.of(fields, Map.of("budget", List.of("250000"), "staff", List.of("2.5"),
        "groups", List.of("academia", "civil-society"), "notes", List.of("  "), "title", List.of(" Plan ")));

    assertThat(answers).containsExactly(Map.entry("budget", 250000L), Map.entry("staff", 2.5),
        Map.entry("groups", List.of("academia", "civil-society")), Map.entry("title", "Plan"));
  }

  @Test
  void aNumberThatIsNotOneStaysTextForTheFormsRuleToRefuse() {
    assertThat(FormAnswers.of(List.of(field("budget", "number", null)), Map.of("budget", List.of("a lot"))))
        .containsExactly(Map.entry("budget", "a lot"));
  }

  @Test
  void aFieldItsConditionHidesIsNotAnswered() {
    List<FormField> fields = List.of(field("decision", "radio", null),
        field("reasons", "textarea", "=decision != \"returned\""));

    assertThat(FormAnswers.of(fields, Map.of("decision", List.of("approved"), "reasons", List.of("typed earlier"))))
        .containsExactly(Map.entry("decision", "approved"));
    assertThat(FormAnswers.of(fields, Map.of("decision", List.of("returned"), "reasons", List.of("Too vague"))))
        .containsEntry("reasons", "Too vague");
  }

  @Test
  void aReadOnlyFieldIsNeverAnAnswer() {
    FormField shown = new FormField("group", "textfield", "Group", false, null, null, null, null, null, null,
        List.of(), null, true, null, null, null, List.of(), List.of(), null, null, false);

    assertThat(FormAnswers.of(List.of(shown), Map.of("group", List.of("academia")))).isEmpty();
  }

  private static FormField field(String key, String type, String hideWhen) {
    return new FormField(key, type, key, false, null, null, null, null, null, null, List.of(), hideWhen, false, null,
        null, null, List.of(), List.of(), null, null, false);
  }
}
