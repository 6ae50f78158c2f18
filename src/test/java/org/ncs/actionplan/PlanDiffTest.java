package org.ncs.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncs.actionplan.ActionPlanViews.FieldChange;
import org.ncs.actionplan.ActionPlanViews.GuideRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ActionPlanViews.PlanChanges;
import org.ncs.actionplan.Initiative.BudgetLine;
import org.ncs.actionplan.Initiative.Funding;
import org.ncs.actionplan.Initiative.Kpi;
import org.ncs.actionplan.Initiative.KpiKind;
import org.ncs.actionplan.Initiative.Milestone;
import org.ncs.actionplan.Initiative.Origin;
import org.ncs.actionplan.Initiative.Priority;
import org.ncs.actionplan.Initiative.Status;

/** What a reviewer is shown as changed between two versions of a plan. */
class PlanDiffTest {

  static final Milestone STAFFED = new Milestone("m1", "CERT staffed", LocalDate.of(2028, 6, 30));
  static final BudgetLine STAFF = new BudgetLine("b1", "Staff", new BigDecimal("1250000.50"), "USD",
      Funding.NATIONAL_BUDGET, true);
  static final Kpi INCIDENTS = new Kpi("k1", "Incidents unresolved after 30 days", "incidents",
      new BigDecimal("120"), new BigDecimal("20"), LocalDate.of(2028, 12, 31), KpiKind.OUTCOME);

  @Test
  void anUnchangedPlanHasNoChangesEvenWhereAmountsAreWrittenToAnotherScale() {
    InitiativeView cert = cert("i1", List.of(STAFFED), List.of(STAFF), List.of(INCIDENTS));
    InitiativeView sameAmount = cert("i1", List.of(STAFFED), List.of(new BudgetLine("b1", "Staff",
        new BigDecimal("1250000.5000"), "USD", Funding.NATIONAL_BUDGET, true)), List.of(INCIDENTS));

    PlanChanges changes = PlanDiff.between(List.of(cert), List.of(sameAmount));

    assertThat(changes.added()).isEmpty();
    assertThat(changes.removed()).isEmpty();
    assertThat(changes.changed()).isEmpty();
  }

  @Test
  void initiativesAreAddedAndRemovedByIdAndAKeptOneShowsEachFieldItChanged() {
    InitiativeView cert = cert("i1", List.of(STAFFED), List.of(STAFF), List.of(INCIDENTS));
    InitiativeView campaign = cert("i2", List.of(), List.of(), List.of());
    // the milestone moves, the budget line stays, the indicator goes, a new one comes
    Kpi trained = new Kpi("k2", "People trained", "people", BigDecimal.ZERO, new BigDecimal("500"),
        LocalDate.of(2029, 12, 31), KpiKind.OUTPUT);
    InitiativeView revised = cert("i1", List.of(new Milestone("m1", "CERT staffed", LocalDate.of(2028, 12, 31))),
        List.of(STAFF), List.of(trained));
    InitiativeView skills = cert("i3", List.of(), List.of(), List.of());

    PlanChanges changes = PlanDiff.between(List.of(cert, campaign), List.of(revised, skills));

    assertThat(changes.added()).extracting(InitiativeRef::id).containsExactly("i3");
    assertThat(changes.removed()).extracting(InitiativeRef::id).containsExactly("i2");
    assertThat(changes.changed()).singleElement().satisfies(change -> assertThat(change.fields()).containsExactly(
        new FieldChange("milestones.dueDate", "CERT staffed", "2028-06-30", "2028-12-31"),
        new FieldChange("kpis.indicator", "People trained", null, "People trained"),
        new FieldChange("kpis.unit", "People trained", null, "people"),
        new FieldChange("kpis.baseline", "People trained", null, "0"),
        new FieldChange("kpis.target", "People trained", null, "500"),
        new FieldChange("kpis.targetDate", "People trained", null, "2029-12-31"),
        new FieldChange("kpis.kind", "People trained", null, "OUTPUT"),
        new FieldChange("kpis.indicator", "Incidents unresolved after 30 days", "Incidents unresolved after 30 days",
            null),
        new FieldChange("kpis.unit", "Incidents unresolved after 30 days", "incidents", null),
        new FieldChange("kpis.baseline", "Incidents unresolved after 30 days", "120", null),
        new FieldChange("kpis.target", "Incidents unresolved after 30 days", "20", null),
        new FieldChange("kpis.targetDate", "Incidents unresolved after 30 days", "2028-12-31", null),
        new FieldChange("kpis.kind", "Incidents unresolved after 30 days", "OUTCOME", null)));
  }

  private static InitiativeView cert(String id, List<Milestone> milestones, List<BudgetLine> budget,
      List<Kpi> kpis) {
    return new InitiativeView(id, "I-" + id.substring(1), "Establish the national CERT", null,
        new GuideRef("FA2", "5.2", "Incident management"), List.of(new GuideRef("FA2.E1", "5.2.1", "National CERT")),
        "National Cybersecurity Agency", List.of(), Priority.HIGH, Status.PLANNED, LocalDate.of(2027, 1, 1),
        LocalDate.of(2029, 12, 31), Origin.NEW, milestones, budget, kpis, List.of(), "lead",
        Instant.EPOCH, "lead", Instant.EPOCH, 0);
  }
}
