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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/**
 * One initiative of an action plan, with its milestones, budget lines and indicators. Public for its vocabulary
 * (priorities, statuses, sources of funding, kinds of indicator), which the API's requests and answers use; all
 * else stays in the package.
 */
@Entity
@Table(name = "initiative")
public class Initiative extends AssignedIdEntity {

  public enum Priority { HIGH, MEDIUM, LOW }

  /** Where an initiative stands; set by the team, and by progress reports once they exist. */
  public enum Status { PLANNED, ON_TRACK, AT_RISK, LATE, DONE, CANCELLED }

  public enum Origin { NEW, GAP, PREVIOUS_CYCLE }

  public enum Funding { NATIONAL_BUDGET, DONOR, OTHER }

  /** An output is what the initiative delivers (trainings held); an outcome what changes (incidents handled). */
  public enum KpiKind { OUTPUT, OUTCOME }

  @Embeddable
  public record Milestone(@Column(name = "item_key", nullable = false, length = 36) String key,
      @Column(nullable = false, length = 300) String title,
      @Column(name = "due_date", nullable = false) LocalDate dueDate) {
  }

  @Embeddable
  public record BudgetLine(@Column(name = "item_key", nullable = false, length = 36) String key,
      @Column(length = 300) String description,
      @Column(nullable = false, precision = 19, scale = 3) BigDecimal amount,
      @Column(nullable = false, length = 3) String currency,
      @Enumerated(EnumType.STRING) @Column(nullable = false, length = 16) Funding funding,
      @Column(nullable = false) boolean committed) {
  }

  @Embeddable
  public record Kpi(@Column(name = "item_key", nullable = false, length = 36) String key,
      @Column(nullable = false, length = 300) String indicator,
      @Column(nullable = false, length = 50) String unit,
      @Column(nullable = false, precision = 19, scale = 4) BigDecimal baseline,
      @Column(nullable = false, precision = 19, scale = 4) BigDecimal target,
      @Column(name = "target_date", nullable = false) LocalDate targetDate,
      @Enumerated(EnumType.STRING) @Column(nullable = false, length = 8) KpiKind kind) {
  }

  /** What an initiative says, as its team writes it. */
  record Content(String title, String objective, String focusArea, List<String> elements, String leadAgency,
      List<String> contributingAgencies, Priority priority, Status status, LocalDate startDate, LocalDate endDate,
      List<Milestone> milestones, List<BudgetLine> budget, List<Kpi> kpis) {
  }

  @Id
  private String id;

  @Column(name = "plan_id", nullable = false, length = 36)
  private String planId;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(length = 2000)
  private String objective;

  @Column(name = "focus_area", nullable = false, length = 8)
  private String focusArea;

  @ElementCollection
  @CollectionTable(name = "initiative_element", joinColumns = @JoinColumn(name = "initiative_id"))
  @OrderColumn(name = "position")
  @Column(name = "element_id", nullable = false, length = 16)
  private List<String> elements = new ArrayList<>();

  @Column(name = "lead_agency", length = 200)
  private String leadAgency;

  @ElementCollection
  @CollectionTable(name = "initiative_agency", joinColumns = @JoinColumn(name = "initiative_id"))
  @OrderColumn(name = "position")
  @Column(name = "agency", nullable = false, length = 200)
  private List<String> contributingAgencies = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Priority priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "end_date", nullable = false)
  private LocalDate endDate;

  @ElementCollection
  @CollectionTable(name = "initiative_milestone", joinColumns = @JoinColumn(name = "initiative_id"))
  @OrderColumn(name = "position")
  private List<Milestone> milestones = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "initiative_budget_line", joinColumns = @JoinColumn(name = "initiative_id"))
  @OrderColumn(name = "position")
  private List<BudgetLine> budget = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "initiative_kpi", joinColumns = @JoinColumn(name = "initiative_id"))
  @OrderColumn(name = "position")
  private List<Kpi> kpis = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Origin origin;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected Initiative() {
  }

  Initiative(String planId, int number, Content content, Origin origin, String by, Instant at) {
    this.id = UUID.randomUUID().toString();
    this.planId = planId;
    this.number = number;
    this.origin = origin;
    this.createdBy = by;
    this.createdAt = at;
    change(content, by, at);
  }

  /** Replaces what the initiative says; its number, origin and creation stay. */
  void change(Content content, String by, Instant at) {
    this.title = content.title();
    this.objective = content.objective();
    this.focusArea = content.focusArea();
    this.elements = new ArrayList<>(content.elements());
    this.leadAgency = content.leadAgency();
    this.contributingAgencies = new ArrayList<>(content.contributingAgencies());
    this.priority = content.priority();
    this.status = content.status();
    this.startDate = content.startDate();
    this.endDate = content.endDate();
    this.milestones = new ArrayList<>(content.milestones());
    this.budget = new ArrayList<>(content.budget());
    this.kpis = new ArrayList<>(content.kpis());
    this.updatedBy = by;
    this.updatedAt = at;
  }

  /** The status a progress report gives it, if it differs; nothing else changes. */
  void reportStatus(Status reported, String by, Instant at) {
    if (reported != status) {
      this.status = reported;
      this.updatedBy = by;
      this.updatedAt = at;
    }
  }

  Content content() {
    return new Content(title, objective, focusArea, List.copyOf(elements), leadAgency,
        List.copyOf(contributingAgencies), priority, status, startDate, endDate, List.copyOf(milestones),
        List.copyOf(budget), List.copyOf(kpis));
  }

  @Override
  public String getId() {
    return id;
  }

  String planId() {
    return planId;
  }

  int number() {
    return number;
  }

  Origin origin() {
    return origin;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }

  String updatedBy() {
    return updatedBy;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  long version() {
    return version;
  }
}
