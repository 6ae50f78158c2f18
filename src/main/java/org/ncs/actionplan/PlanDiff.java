package org.ncs.actionplan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.actionplan.ActionPlanViews.FieldChange;
import org.ncs.actionplan.ActionPlanViews.GuideRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeChange;
import org.ncs.actionplan.ActionPlanViews.InitiativeRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ActionPlanViews.PlanChanges;
import org.ncs.actionplan.Initiative.BudgetLine;
import org.ncs.actionplan.Initiative.Kpi;
import org.ncs.actionplan.Initiative.Milestone;

/**
 * What changed from one version of an action plan to the next: initiatives added and removed (matched by id), and
 * for each kept, field by field what it was and what it is. Milestones, budget lines and indicators are matched by
 * their key, so an edited line shows as its changed fields, not as one line removed and another added; one added
 * or removed shows each of its fields, with nothing before or after.
 */
final class PlanDiff {

  private static final Map<String, Function<InitiativeView, String>> FIELDS = new LinkedHashMap<>();
  private static final Map<String, Function<Milestone, String>> MILESTONE = new LinkedHashMap<>();
  private static final Map<String, Function<BudgetLine, String>> BUDGET_LINE = new LinkedHashMap<>();
  private static final Map<String, Function<Kpi, String>> KPI = new LinkedHashMap<>();

  static {
    FIELDS.put("title", InitiativeView::title);
    FIELDS.put("objective", InitiativeView::objective);
    FIELDS.put("focusArea", initiative -> text(initiative.focusArea()));
    FIELDS.put("elements", initiative -> initiative.elements().stream().map(PlanDiff::text)
        .collect(Collectors.joining("; ")));
    FIELDS.put("leadAgency", InitiativeView::leadAgency);
    FIELDS.put("contributingAgencies", initiative -> String.join("; ", initiative.contributingAgencies()));
    FIELDS.put("priority", initiative -> str(initiative.priority()));
    FIELDS.put("status", initiative -> str(initiative.status()));
    FIELDS.put("startDate", initiative -> str(initiative.startDate()));
    FIELDS.put("endDate", initiative -> str(initiative.endDate()));
    MILESTONE.put("title", Milestone::title);
    MILESTONE.put("dueDate", milestone -> str(milestone.dueDate()));
    BUDGET_LINE.put("description", BudgetLine::description);
    BUDGET_LINE.put("amount", line -> plain(line.amount()));
    BUDGET_LINE.put("currency", BudgetLine::currency);
    BUDGET_LINE.put("funding", line -> str(line.funding()));
    BUDGET_LINE.put("committed", line -> str(line.committed()));
    KPI.put("indicator", Kpi::indicator);
    KPI.put("unit", Kpi::unit);
    KPI.put("baseline", kpi -> plain(kpi.baseline()));
    KPI.put("target", kpi -> plain(kpi.target()));
    KPI.put("targetDate", kpi -> str(kpi.targetDate()));
    KPI.put("kind", kpi -> str(kpi.kind()));
  }

  private PlanDiff() {
  }

  static PlanChanges between(List<InitiativeView> before, List<InitiativeView> after) {
    Map<String, InitiativeView> was = before.stream()
        .collect(Collectors.toMap(InitiativeView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<InitiativeRef> added = new ArrayList<>();
    List<InitiativeChange> changed = new ArrayList<>();
    for (InitiativeView now : after) {
      InitiativeView then = was.remove(now.id());
      if (then == null) {
        added.add(ref(now));
        continue;
      }
      List<FieldChange> fields = new ArrayList<>();
      FIELDS.forEach((field, value) -> compare(field, null, value.apply(then), value.apply(now), fields));
      items("milestones", then.milestones(), now.milestones(), Milestone::key, Milestone::title, MILESTONE, fields);
      items("budget", then.budget(), now.budget(), BudgetLine::key, PlanDiff::label, BUDGET_LINE, fields);
      items("kpis", then.kpis(), now.kpis(), Kpi::key, Kpi::indicator, KPI, fields);
      if (!fields.isEmpty()) {
        changed.add(new InitiativeChange(now.id(), now.number(), now.title(), fields));
      }
    }
    return new PlanChanges(added, was.values().stream().map(PlanDiff::ref).toList(), changed);
  }

  /** Items matched by key: one added or removed is one change, one edited a change per field it changed. */
  private static <T> void items(String list, List<T> before, List<T> after, Function<T, String> key,
      Function<T, String> label, Map<String, Function<T, String>> fields, List<FieldChange> changes) {
    Map<String, T> was = before.stream()
        .collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    for (T now : after) {
      T then = was.remove(key.apply(now));
      fields.forEach((field, value) -> compare(list + "." + field, label.apply(now),
          then == null ? null : value.apply(then), value.apply(now), changes));
    }
    was.values().forEach(gone -> fields.forEach((field, value) -> compare(list + "." + field, label.apply(gone),
        value.apply(gone), null, changes)));
  }

  private static void compare(String field, String item, String before, String after, List<FieldChange> changes) {
    String then = blankToNull(before);
    String now = blankToNull(after);
    if (!Objects.equals(then, now)) {
      changes.add(new FieldChange(field, item, then, now));
    }
  }

  private static String label(BudgetLine line) {
    return line.description() != null ? line.description() : plain(line.amount()) + " " + line.currency();
  }

  private static InitiativeRef ref(InitiativeView initiative) {
    return new InitiativeRef(initiative.id(), initiative.number(), initiative.title());
  }

  private static String text(GuideRef ref) {
    return ref.number() == null ? ref.id() : ref.number() + " " + ref.title();
  }

  /** A number as written, whatever its scale: 1500000.00 and 1500000 are the same amount. */
  private static String plain(BigDecimal number) {
    return number == null ? null : number.stripTrailingZeros().toPlainString();
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
