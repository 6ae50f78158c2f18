package org.ncs.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The texts of a Camunda Form as safe HTML: the Markdown and template subset the forms use (headings, bold, links,
 * paragraphs; {@code {{variable}}} and {@code {{#if variable}}…{{/if}}}). Whatever comes from a variable, which
 * people typed, is only ever text: never markup, never a link other than http(s) or a path of the service.
 */
final class FormTexts {

  private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*" + NAME + "\\s*}}");
  private static final Pattern IF_BLOCK = Pattern.compile("\\{\\{#if\\s+" + NAME + "\\s*}}(.*?)\\{\\{/if}}",
      Pattern.DOTALL);
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  /** Where a variable's value goes, until the markup around it is done. */
  private static final Pattern SLOT = Pattern.compile("\u0001(\\d+)\u0002");

  private FormTexts() {
  }

  /** The variables a text shows or depends on. */
  static Set<String> variables(String text) {
    Set<String> names = new LinkedHashSet<>();
    for (Pattern pattern : List.of(VARIABLE, IF_BLOCK)) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /**
   * @param skipLeadingHeading leave out a heading that opens the text: the page already shows the task's name
   */
  static String html(String text, Map<String, ?> variables, boolean skipLeadingHeading) {
    String resolved = IF_BLOCK.matcher(text).replaceAll(block -> Matcher.quoteReplacement(
        isSet(variables.get(block.group(1))) ? block.group(2) : ""));
    List<String> values = new ArrayList<>();
    Matcher variable = VARIABLE.matcher(resolved);
    StringBuilder slotted = new StringBuilder();
    while (variable.find()) {
      values.add(display(variables.get(variable.group(1))));
      variable.appendReplacement(slotted, "\u0001" + (values.size() - 1) + "\u0002");
    }
    variable.appendTail(slotted);

    StringBuilder html = new StringBuilder();
    boolean first = true;
    for (String paragraph : slotted.toString().strip().split("\\n\\s*\\n")) {
      List<String> lines = new ArrayList<>();
      for (String line : paragraph.split("\\n")) {
        Matcher heading = HEADING.matcher(line.strip());
        if (heading.matches()) {
          flush(lines, html, values);
          if (!(first && skipLeadingHeading)) {
            html.append("<h2 class=\"form-heading\">").append(inline(heading.group(1), values)).append("</h2>");
          }
        } else if (!line.isBlank()) {
          lines.add(line.strip());
        }
        first = false;
      }
      flush(lines, html, values);
    }
    return html.toString();
  }

  private static void flush(List<String> lines, StringBuilder html, List<String> values) {
    if (lines.isEmpty()) {
      return;
    }
    html.append("<p>");
    for (int i = 0; i < lines.size(); i++) {
      html.append(i > 0 ? "<br>" : "").append(inline(lines.get(i), values));
    }
    html.append("</p>");
    lines.clear();
  }

  private static String inline(String line, List<String> values) {
    String escaped = HtmlUtils.htmlEscape(line);
    escaped = LINK.matcher(escaped).replaceAll(link -> {
      String url = fill(HtmlUtils.htmlUnescape(link.group(2)), values, false);
      String label = link.group(1);
      // the web, or a page of the service itself (a document's file); nothing else, not even "//elsewhere"
      boolean local = url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\");
      if (!url.startsWith("https://") && !url.startsWith("http://") && !local) {
        return Matcher.quoteReplacement(label);
      }
      return Matcher.quoteReplacement("<a href=\"" + HtmlUtils.htmlEscape(url) + "\" rel=\"noopener noreferrer\">"
          + label + "</a>");
    });
    escaped = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
    return fill(escaped, values, true);
  }

  private static String fill(String text, List<String> values, boolean escape) {
    return SLOT.matcher(text).replaceAll(slot -> {
      String value = values.get(Integer.parseInt(slot.group(1)));
      return Matcher.quoteReplacement(escape ? HtmlUtils.htmlEscape(value) : value);
    });
  }

  private static boolean isSet(Object value) {
    return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
        && !(value instanceof Collection<?> list && list.isEmpty());
  }

  private static String display(Object value) {
    if (value instanceof Collection<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return value == null ? "" : value.toString();
  }
}
