package org.ncs.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** A draft released for consultation: which version (a document's, or a link), to which stakeholder groups. */
@Entity
@Table(name = "consultation_round")
class ConsultationRound extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 64)
  private String engagementId;

  @Column(name = "process_instance_id", nullable = false, length = 64)
  private String processInstanceId;

  @Column(nullable = false)
  private int number;

  @Column(name = "draft_version_id", length = 36)
  private String draftVersionId;

  @Column(name = "draft_label", nullable = false, length = 40)
  private String draftLabel;

  @Column(name = "draft_link", length = 2000)
  private String draftLink;

  @Column(name = "stakeholder_groups", nullable = false, length = 400)
  private String groups;

  @Column(name = "released_by", nullable = false)
  private String releasedBy;

  @Column(name = "released_at", nullable = false)
  private Instant releasedAt;

  protected ConsultationRound() {
  }

  ConsultationRound(String engagementId, String processInstanceId, int number, String draftVersionId,
      String draftLabel, String draftLink, List<String> groups, String releasedBy, Instant releasedAt) {
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.processInstanceId = processInstanceId;
    this.number = number;
    this.draftVersionId = draftVersionId;
    this.draftLabel = draftLabel;
    this.draftLink = draftLink;
    this.groups = String.join(",", groups);
    this.releasedBy = releasedBy;
    this.releasedAt = releasedAt;
  }

  @Override
  public String getId() {
    return id;
  }

  String engagementId() {
    return engagementId;
  }

  int number() {
    return number;
  }

  /** The document version released, if the draft was one of the engagement's documents. */
  String draftVersionId() {
    return draftVersionId;
  }

  String draftLabel() {
    return draftLabel;
  }

  /** Where to read the draft: the document's file in the service, or a link elsewhere. */
  String draftLink() {
    return draftLink;
  }

  List<String> groups() {
    return Arrays.asList(groups.split(","));
  }

  String releasedBy() {
    return releasedBy;
  }

  Instant releasedAt() {
    return releasedAt;
  }
}
