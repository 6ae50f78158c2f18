package org.ncs.engagement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** A country's engagement: one strategy lifecycle with its plan, run with international partners. */
@Entity
@Table(name = "engagement")
class Engagement extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "country_code", nullable = false, length = 3)
  private String country;

  @Column(nullable = false, length = 200)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private EngagementStatus status;

  @Column(nullable = false)
  private int cycle;

  @Column(name = "strategy_end_date", nullable = false)
  private LocalDate strategyEndDate;

  @Column(name = "reporting_cadence", nullable = false, length = 16)
  private String reportingCadence;

  @Column(name = "monitoring_cadence", nullable = false, length = 16)
  private String monitoringCadence;

  @Column(name = "grace_period", nullable = false, length = 16)
  private String gracePeriod;

  @Column(name = "task_durations", length = 4000)
  private String taskDurations;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "active_slot", length = 16, unique = true)
  private String activeSlot;

  @ElementCollection
  @CollectionTable(name = "engagement_partner", joinColumns = @JoinColumn(name = "engagement_id"))
  @Column(name = "partner", length = 100)
  private List<String> partners = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Version
  private long version;

  protected Engagement() {
  }

  @Override
  public String getId() {
    return id;
  }

  Engagement(String country, String title, List<String> partners, LocalDate strategyEndDate,
      String reportingCadence, String monitoringCadence, String gracePeriod, String taskDurations,
      String createdBy, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.country = country;
    this.title = title;
    this.partners = new ArrayList<>(partners);
    this.status = EngagementStatus.ACTIVE;
    this.cycle = 1;
    this.activeSlot = slot(country, 1);
    this.strategyEndDate = strategyEndDate;
    this.reportingCadence = reportingCadence;
    this.monitoringCadence = monitoringCadence;
    this.gracePeriod = gracePeriod;
    this.taskDurations = taskDurations;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  static String slot(String country, int cycle) {
    return country + "-" + cycle;
  }

  void lifecycleStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void cycleStarted(int cycle) {
    this.cycle = cycle;
    this.activeSlot = slot(country, cycle);
  }

  /** @return whether the organisation was not a partner yet */
  boolean addPartner(String organisation) {
    if (partners.contains(organisation)) {
      return false;
    }
    partners.add(organisation);
    return true;
  }

  /** @return whether the organisation was a partner */
  boolean removePartner(String organisation) {
    return partners.remove(organisation);
  }

  /** The adopted strategy's period replaces the one planned when the engagement was opened. */
  void strategyAdopted(LocalDate strategyEndDate) {
    this.strategyEndDate = strategyEndDate;
  }

  void close() {
    this.status = EngagementStatus.CLOSED;
    this.activeSlot = null;
  }

  String id() {
    return id;
  }

  String country() {
    return country;
  }

  String title() {
    return title;
  }

  EngagementStatus status() {
    return status;
  }

  int cycle() {
    return cycle;
  }

  LocalDate strategyEndDate() {
    return strategyEndDate;
  }

  String reportingCadence() {
    return reportingCadence;
  }

  String monitoringCadence() {
    return monitoringCadence;
  }

  String gracePeriod() {
    return gracePeriod;
  }

  List<String> partners() {
    return List.copyOf(partners);
  }

  String taskDurations() {
    return taskDurations;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  Instant createdAt() {
    return createdAt;
  }

  String createdBy() {
    return createdBy;
  }
}
