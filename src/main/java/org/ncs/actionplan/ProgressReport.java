package org.ncs.actionplan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ncs.actionplan.Initiative.Status;
import org.ncs.persistence.AssignedIdEntity;

/** A progress report on an action plan as of the end of a reporting period; never changed once made. */
@Entity
@Table(name = "progress_report")
class ProgressReport extends AssignedIdEntity {

  @Embeddable
  record Entry(@Column(name = "initiative_id", nullable = false, length = 36) String initiativeId,
      @Enumerated(EnumType.STRING) @Column(nullable = false, length = 16) Status status,
      @Column(length = 2000) String narrative) {
  }

  @Embeddable
  record Actual(@Column(name = "initiative_id", nullable = false, length = 36) String initiativeId,
      @Column(name = "kpi_key", nullable = false, length = 36) String key,
      @Column(nullable = false, precision = 19, scale = 4) BigDecimal actual) {
  }

  @Embeddable
  record Reached(@Column(name = "initiative_id", nullable = false, length = 36) String initiativeId,
      @Column(name = "milestone_key", nullable = false, length = 36) String key,
      @Column(name = "reached_on", nullable = false) LocalDate reachedOn) {
  }

  @Embeddable
  record Spend(@Column(name = "initiative_id", nullable = false, length = 36) String initiativeId,
      @Column(nullable = false, length = 3) String currency,
      @Column(nullable = false, precision = 19, scale = 3) BigDecimal amount) {
  }

  @Id
  private String id;

  @Column(name = "plan_id", nullable = false, length = 36)
  private String planId;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @Column(name = "submitted_by", nullable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @ElementCollection
  @CollectionTable(name = "progress_entry", joinColumns = @JoinColumn(name = "report_id"))
  private List<Entry> entries = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "progress_actual", joinColumns = @JoinColumn(name = "report_id"))
  private List<Actual> actuals = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "progress_milestone", joinColumns = @JoinColumn(name = "report_id"))
  private List<Reached> reached = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "progress_spend", joinColumns = @JoinColumn(name = "report_id"))
  private List<Spend> spend = new ArrayList<>();

  protected ProgressReport() {
  }

  ProgressReport(String planId, LocalDate periodEnd, String submittedBy, Instant submittedAt, List<Entry> entries,
      List<Actual> actuals, List<Reached> reached, List<Spend> spend) {
    this.id = UUID.randomUUID().toString();
    this.planId = planId;
    this.periodEnd = periodEnd;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.entries = new ArrayList<>(entries);
    this.actuals = new ArrayList<>(actuals);
    this.reached = new ArrayList<>(reached);
    this.spend = new ArrayList<>(spend);
  }

  @Override
  public String getId() {
    return id;
  }

  LocalDate periodEnd() {
    return periodEnd;
  }

  String submittedBy() {
    return submittedBy;
  }

  Instant submittedAt() {
    return submittedAt;
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  List<Actual> actuals() {
    return List.copyOf(actuals);
  }

  List<Reached> reached() {
    return List.copyOf(reached);
  }

  List<Spend> spend() {
    return List.copyOf(spend);
  }
}
