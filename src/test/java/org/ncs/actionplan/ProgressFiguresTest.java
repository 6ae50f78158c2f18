package org.ncs.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ncs.actionplan.Initiative.BudgetLine;
import org.ncs.actionplan.Initiative.Content;
import org.ncs.actionplan.Initiative.Funding;
import org.ncs.actionplan.Initiative.Kpi;
import org.ncs.actionplan.Initiative.KpiKind;
import org.ncs.actionplan.Initiative.Milestone;
import org.ncs.actionplan.Initiative.Origin;
import org.ncs.actionplan.Initiative.Priority;
import org.ncs.actionplan.Initiative.Status;
import org.ncs.actionplan.ProgressFigures.Figures;
import org.ncs.actionplan.ProgressFigures.PlanFigures;
import org.ncs.actionplan.ProgressFigures.Reported;

/**
 * The README's worked example of progress figures: a milestone reached late, an indicator whose target is below
 * its baseline, one beyond its target, a cancelled initiative, one past its end and not done, two currencies.
 */
class ProgressFiguresTest {

  private static final LocalDate AS_OF = LocalDate.parse("2028-06-30");

  private final Initiative cert = initiative(1, "FA2", "2029-12-31",
      List.of(milestone("m1", "2027-12-31"), milestone("m2", "2028-03-31"), milestone("m3", "2028-12-31")),
      List.of(line("1000000", "USD", true), line("500000", "USD", false)),
      List.of(kpi("k1", "40", "90"), kpi("k2", "120", "20")));
  private final Initiative law = initiative(2, "FA1", "2028-03-31", List.of(milestone("m4", "2027-09-30")),
      List.of(line("200000", "EUR", true)), List.of(kpi("k3", "0", "4")));
  private final Initiative campaign = initiative(3, "FA4", "2029-12-31", List.of(),
      List.of(line("300000", "USD", true)), List.of());
  private final Initiative schools = initiative(4, "FA4", "2027-12-31", List.of(),
      List.of(line("100000", "USD", true)), List.of(kpi("k4", "0", "200")));

  private final PlanFigures figures = ProgressFigures.of(AS_OF, List.of(cert, law, campaign, schools), Map.of(
      cert.getId(), new Reported(Status.ON_TRACK,
          Map.of("m1", LocalDate.parse("2027-11-15"), "m2", LocalDate.parse("2028-05-02")),
          Map.of("k1", new BigDecimal("65"), "k2", new BigDecimal("70")), Map.of("USD", new BigDecimal("400000"))),
      law.getId(), new Reported(Status.DONE, Map.of("m4", LocalDate.parse("2027-09-30")),
          Map.of("k3", new BigDecimal("5")), Map.of("EUR", new BigDecimal("250000"))),
      campaign.getId(), new Reported(Status.CANCELLED, Map.of(), Map.of(), Map.of("USD", new BigDecimal("20000"))),
      schools.getId(), new Reported(Status.ON_TRACK, Map.of(), Map.of(), Map.of("USD", new BigDecimal("100000")))));

  @Test
  void anInitiativeWithAMilestoneReachedLateIsNotOnTimeAndATargetBelowItsBaselineCountsTheWayDown() {
    Figures one = figures.initiatives().get(0).figures();
    assertThat(figures.initiatives().get(0).onTime()).isFalse();
    assertThat(one.milestonesDue()).isEqualTo(2);
    assertThat(one.milestonesOnTime()).isEqualTo(1);
    assertThat(one.milestonesPercent()).isEqualByComparingTo("50.0");
    // 65 of the way from 40 to 90 is 50%; 70 of the way from 120 down to 20 is 50% as well
    assertThat(figures.initiatives().get(0).indicators()).extracting(ProgressFigures.IndicatorProgress::percent)
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("50"), new BigDecimal("50"));
    assertThat(one.effectivenessPercent()).isEqualByComparingTo("50.0");
    // only committed lines count: 400,000 of 1,000,000
    assertThat(one.execution()).singleElement().satisfies(usd -> {
      assertThat(usd.currency()).isEqualTo("USD");
      assertThat(usd.percent()).isEqualByComparingTo("40.0");
    });
  }

  @Test
  void beyondItsTargetAnIndicatorCountsAsReachedAndADoneInitiativeIsOnTime() {
    assertThat(figures.initiatives().get(1).onTime()).isTrue();
    assertThat(figures.initiatives().get(1).figures().effectivenessPercent()).isEqualByComparingTo("100.0");
    assertThat(figures.initiatives().get(1).figures().execution().get(0).percent()).isEqualByComparingTo("125.0");
    // past its end and not done: late, whatever its status says
    assertThat(figures.initiatives().get(2).number()).isEqualTo("I-4");
    assertThat(figures.initiatives().get(2).onTime()).isFalse();
    assertThat(figures.initiatives().get(2).figures().effectivenessPercent()).isNull();
  }

  @Test
  void theWholePlanLeavesTheCancelledInitiativeOutAndNeverAddsUpTwoCurrencies() {
    assertThat(figures.cancelled()).containsExactly("I-3");
    Figures overall = figures.overall();
    assertThat(overall.milestonesDue()).isEqualTo(3);
    assertThat(overall.milestonesOnTime()).isEqualTo(2);
    assertThat(overall.milestonesPercent()).isEqualByComparingTo("66.7");
    assertThat(overall.initiatives()).isEqualTo(3);
    assertThat(overall.initiativesOnTime()).isEqualTo(1);
    assertThat(overall.initiativesPercent()).isEqualByComparingTo("33.3");
    assertThat(overall.execution()).extracting(ProgressFigures.Execution::currency).containsExactly("EUR", "USD");
    assertThat(overall.execution().get(0).percent()).isEqualByComparingTo("125.0");
    // (400,000 + 100,000) of (1,000,000 + 100,000): the cancelled campaign's 300,000 and 20,000 are left out
    assertThat(overall.execution().get(1).committed()).isEqualByComparingTo("1100000");
    assertThat(overall.execution().get(1).percent()).isEqualByComparingTo("45.5");
    // the mean of the initiatives with an actual: (50 + 100) / 2
    assertThat(overall.effectivenessPercent()).isEqualByComparingTo("75.0");

    assertThat(figures.focusAreas()).extracting(ProgressFigures.AreaFigures::focusArea)
        .containsExactly("FA1", "FA2", "FA4");
    Figures schoolsArea = figures.focusAreas().get(2).figures();
    assertThat(schoolsArea.milestonesPercent()).isNull();
    assertThat(schoolsArea.initiativesPercent()).isEqualByComparingTo("0.0");
    assertThat(schoolsArea.effectivenessPercent()).isNull();
  }

  @Test
  void anInitiativeTheReportHasNoEntryForIsNotJudgedByIt() {
    PlanFigures earlier = ProgressFigures.of(AS_OF, List.of(cert, law), Map.of(law.getId(),
        new Reported(Status.DONE, Map.of("m4", LocalDate.parse("2027-09-30")), Map.of(), Map.of())));
    assertThat(earlier.initiatives()).extracting(ProgressFigures.InitiativeFigures::number).containsExactly("I-2");
    assertThat(earlier.overall().initiativesPercent()).isEqualByComparingTo("100.0");
  }

  private static Initiative initiative(int number, String area, String end, List<Milestone> milestones,
      List<BudgetLine> budget, List<Kpi> kpis) {
    return new Initiative("plan", number, new Content("Initiative " + number, null, area, List.of(area + ".E1"),
        "Agency", List.of(), Priority.HIGH, Status.ON_TRACK, LocalDate.parse("2027-01-01"), LocalDate.parse(end),
        milestones, budget, kpis), Origin.NEW, "lead", Instant.parse("2027-01-01T00:00:00Z"));
  }

  private static Milestone milestone(String key, String due) {
    return new Milestone(key, "Milestone " + key, LocalDate.parse(due));
  }

  private static BudgetLine line(String amount, String currency, boolean committed) {
    return new BudgetLine(currency + amount, null, new BigDecimal(amount), currency, Funding.NATIONAL_BUDGET,
        committed);
  }

  private static Kpi kpi(String key, String baseline, String target) {
    return new Kpi(key, "Indicator " + key, "count", new BigDecimal(baseline), new BigDecimal(target),
        LocalDate.parse("2029-12-31"), KpiKind.OUTCOME);
  }
}
