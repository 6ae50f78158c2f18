package org.ncs.actionplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ncs.actionplan.Initiative.BudgetLine;
import org.ncs.actionplan.Initiative.Content;
import org.ncs.actionplan.Initiative.Kpi;
import org.ncs.actionplan.Initiative.Milestone;
import org.ncs.actionplan.Initiative.Status;

/**
 * How an action plan is doing as of a progress report, per initiative, per focus area and overall (the README's
 * "Progress reports and their figures" gives the formulas with a worked example):
 *
 * <ul>
 *   <li><b>timeliness</b>: milestones due by the report's date that were reached by their due date, of those due;
 *       initiatives on time (not late, no milestone overdue, done if their end has passed), of those counted;
 *   <li><b>budget execution</b>: spend to date against the committed budget, per currency (never converted);
 *   <li><b>effectiveness</b>: each indicator's way from its baseline to its target, (actual − baseline) ÷ (target −
 *       baseline), between 0 and 100%, so that a target below its baseline works alike; an initiative's is the
 *       mean of its indicators with an actual, a focus area's and the plan's the mean of their initiatives'.
 * </ul>
 *
 * Only the initiatives the report has an entry for count (one added since is not judged by an earlier report);
 * cancelled ones count in none of it and are listed apart.
 */
public final class ProgressFigures {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** What a report says of one initiative. */
  record Reported(Status status, Map<String, LocalDate> reached, Map<String, BigDecimal> actuals,
      Map<String, BigDecimal> spend) {
  }

  /**
   * @param milestonesPercent milestones on time of those due, null when none was due
   * @param initiativesPercent initiatives on time of those counted, null when none was
   * @param effectivenessPercent null when no indicator has an actual yet
   */
  public record Figures(int milestonesDue, int milestonesOnTime, BigDecimal milestonesPercent, int initiatives,
      int initiativesOnTime, BigDecimal initiativesPercent, List<Execution> execution,
      BigDecimal effectivenessPercent) {
  }

  /** Spend against the committed budget in one currency; percent null when nothing is committed. */
  public record Execution(String currency, BigDecimal committed, BigDecimal spent, BigDecimal percent) {
  }

  public record IndicatorProgress(String key, String indicator, String unit, BigDecimal baseline, BigDecimal target,
      BigDecimal actual, BigDecimal percent) {
  }

  public record InitiativeFigures(String id, String number, String title, String focusArea, Status status,
      boolean onTime, Figures figures, List<IndicatorProgress> indicators) {
  }

  public record AreaFigures(String focusArea, Figures figures) {
  }

  public record PlanFigures(LocalDate asOf, Figures overall, List<AreaFigures> focusAreas,
      List<InitiativeFigures> initiatives, List<String> cancelled) {
  }

  private ProgressFigures() {
  }

  /** The figures of the plan's initiatives as the report of {@code asOf} has them (by initiative id). */
  static PlanFigures of(LocalDate asOf, List<Initiative> initiatives, Map<String, Reported> reports) {
    List<InitiativeFigures> counted = new ArrayList<>();
    List<String> cancelled = new ArrayList<>();
    for (Initiative initiative : initiatives) {
      Content content = initiative.content();
      Reported reported = reports.get(initiative.getId());
      if (reported == null) {
        continue;
      }
      if (reported.status() == Status.CANCELLED) {
        cancelled.add(ActionPlans.number(initiative));
      } else {
        counted.add(initiative(asOf, initiative, content, reported));
      }
    }
    Map<String, List<InitiativeFigures>> byArea = new TreeMap<>();
    counted.forEach(figures -> byArea.computeIfAbsent(figures.focusArea(), area -> new ArrayList<>()).add(figures));
    List<AreaFigures> areas = byArea.entrySet().stream()
        .map(area -> new AreaFigures(area.getKey(), combined(area.getValue()))).toList();
    return new PlanFigures(asOf, combined(counted), areas, counted, cancelled);
  }

  private static InitiativeFigures initiative(LocalDate asOf, Initiative initiative, Content content,
      Reported reported) {
    int due = 0;
    int onTime = 0;
    for (Milestone milestone : content.milestones()) {
      LocalDate reached = reported.reached().get(milestone.key());
      boolean reachedInTime = reached != null && !reached.isAfter(milestone.dueDate());
      if (!milestone.dueDate().isAfter(asOf)) {
        due++;
        onTime += reachedInTime ? 1 : 0;
      }
    }
    boolean initiativeOnTime = reported.status() != Status.LATE && onTime == due
        && (!content.endDate().isBefore(asOf) || reported.status() == Status.DONE);
    List<IndicatorProgress> indicators = content.kpis().stream().map(kpi -> progress(kpi,
        reported.actuals().get(kpi.key()))).toList();
    List<BigDecimal> measured = indicators.stream().map(IndicatorProgress::percent).filter(Objects::nonNull)
        .toList();
    Figures figures = new Figures(due, onTime, percent(onTime, due), 1, initiativeOnTime ? 1 : 0,
        percent(initiativeOnTime ? 1 : 0, 1), execution(content.budget(), reported.spend()), mean(measured));
    return new InitiativeFigures(initiative.getId(), ActionPlans.number(initiative), content.title(),
        content.focusArea(), reported.status(), initiativeOnTime, figures, indicators);
  }

  /** Several initiatives' figures together: counts and amounts added up, effectiveness their mean. */
  private static Figures combined(List<InitiativeFigures> initiatives) {
    int due = 0;
    int onTime = 0;
    int counted = 0;
    int countedOnTime = 0;
    Map<String, BigDecimal[]> money = new TreeMap<>();
    List<BigDecimal> effectiveness = new ArrayList<>();
    for (InitiativeFigures initiative : initiatives) {
      Figures figures = initiative.figures();
      due += figures.milestonesDue();
      onTime += figures.milestonesOnTime();
      counted += figures.initiatives();
      countedOnTime += figures.initiativesOnTime();
      for (Execution execution : figures.execution()) {
        BigDecimal[] sums = money.computeIfAbsent(execution.currency(),
            currency -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(execution.committed());
        sums[1] = sums[1].add(execution.spent());
      }
      if (figures.effectivenessPercent() != null) {
        effectiveness.add(figures.effectivenessPercent());
      }
    }
    return new Figures(due, onTime, percent(onTime, due), counted, countedOnTime, percent(countedOnTime, counted),
        money.entrySet().stream().map(sums -> execution(sums.getKey(), sums.getValue()[0], sums.getValue()[1]))
            .toList(), mean(effectiveness));
  }

  /** Per currency committed or spent in: spend against the committed lines (estimated ones count for nothing). */
  private static List<Execution> execution(List<BudgetLine> budget, Map<String, BigDecimal> spend) {
    Map<String, BigDecimal> committed = new TreeMap<>();
    spend.keySet().forEach(currency -> committed.put(currency, BigDecimal.ZERO));
    budget.stream().filter(BudgetLine::committed)
        .forEach(line -> committed.merge(line.currency(), line.amount(), BigDecimal::add));
    return committed.entrySet().stream().map(currency -> execution(currency.getKey(), currency.getValue(),
        spend.getOrDefault(currency.getKey(), BigDecimal.ZERO))).toList();
  }

  private static Execution execution(String currency, BigDecimal committed, BigDecimal spent) {
    return new Execution(currency, plain(committed), plain(spent), committed.signum() == 0 ? null
        : spent.multiply(HUNDRED).divide(committed, 1, RoundingMode.HALF_UP));
  }

  /** An indicator's way from baseline to target, 0 to 100%; null without an actual. */
  static IndicatorProgress progress(Kpi kpi, BigDecimal actual) {
    BigDecimal percent = null;
    if (actual != null) {
      BigDecimal way = actual.subtract(kpi.baseline()).multiply(HUNDRED)
          .divide(kpi.target().subtract(kpi.baseline()), 1, RoundingMode.HALF_UP);
      percent = way.max(BigDecimal.ZERO.setScale(1)).min(HUNDRED.setScale(1));
    }
    return new IndicatorProgress(kpi.key(), kpi.indicator(), kpi.unit(), plain(kpi.baseline()),
        plain(kpi.target()), actual == null ? null : plain(actual), percent);
  }

  /** A number as people write it: no trailing zeros, never in exponent notation (100, not 1E+2 or 100.0000). */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal percent(int part, int whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
        RoundingMode.HALF_UP);
  }

  private static BigDecimal mean(List<BigDecimal> values) {
    return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
  }
}
