package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form's texts as the task page shows them: its Markdown and templates, and never markup from an answer. */
class FormTextsTest {

  @Test
  void headingsParagraphsBoldAndLinksBecomeHtml() {
    String html = FormTexts.html("### Approve the plan\n[Open the plan]({{url}}) by **{{date}}**.\n\nThen decide.",
        Map.of("url", "https://gov.example/plan.pdf", "date", "2027-03-31"), false);

    assertThat(html).isEqualTo("<h2 class=\"form-heading\">Approve the plan</h2>"
        + "<p><a href=\"https://gov.example/plan.pdf\" rel=\"noopener noreferrer\">Open the plan</a> by "
        + "<strong>2027-03-31</strong>.</p><p>Then decide.</p>");
  }

  @Test
  void theOpeningHeadingIsLeftOutWhereThePageAlreadyShowsTheTasksName() {
    assertThat(FormTexts.html("### Draft the strategy\nWrite it.", Map.of(), true)).isEqualTo("<p>Write it.</p>");
  }

  @Test
  void whatPeopleTypedIsTextNeverMarkupAndALinkOnlyEverHttp() {
    String html = FormTexts.html("{{summary}} [Open]({{url}}) [Site](javascript:alert(1))",
        Map.of("summary", "<script>alert('x')</script> **bold**", "url", "javascript:alert(1)"), false);

    assertThat(html).doesNotContain("<script", "href", "<strong>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; **bold**", "Open", "Site");
  }

  @Test
  void aLinkMayLeadToAFileOfTheServiceButNeverToAnotherHostWithoutItsScheme() {
    assertThat(FormTexts.html("[Draft 1.0]({{link}})", Map.of("link", "/api/engagements/e1/files/f1"), false))
        .isEqualTo("<p><a href=\"/api/engagements/e1/files/f1\" rel=\"noopener noreferrer\">Draft 1.0</a></p>");
    assertThat(FormTexts.html("[Draft]({{link}})", Map.of("link", "//evil.example/x"), false))
        .isEqualTo("<p>Draft</p>");
    assertThat(FormTexts.html("[Draft]({{link}})", Map.of("link", "/\\evil.example/x"), false))
        .isEqualTo("<p>Draft</p>");
  }

  @Test
  void aConditionalBlockShowsOnlyWhenItsVariableIsSet() {
    String text = "{{#if analysisFeedback}}**Asked for more:** {{analysisFeedback}}{{/if}}";

    assertThat(FormTexts.html(text, Map.of(), false)).isEmpty();
    assertThat(FormTexts.html(text, Map.of("analysisFeedback", "Add the energy sector"), false))
        .isEqualTo("<p><strong>Asked for more:</strong> Add the energy sector</p>");
    assertThat(FormTexts.variables(text + " {{other}}")).containsExactlyInAnyOrder("analysisFeedback", "other");
  }

  @Test
  void aListIsShownAsItsItems() {
    assertThat(FormTexts.html("Groups: {{groups}}", Map.of("groups", List.of("academia", "civil-society")), false))
        .isEqualTo("<p>Groups: academia, civil-society</p>");
  }
}
