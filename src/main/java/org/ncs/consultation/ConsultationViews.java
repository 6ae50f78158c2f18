package org.ncs.consultation;

import java.time.Instant;
import java.util.List;

/** What the API, the pages and the exports show of the consultation record. */
public final class ConsultationViews {

  private ConsultationViews() {
  }

  /** A draft released for consultation; {@code releasedBy} only in the full record. */
  public record RoundView(String id, int number, String draftLabel, String draftLink, List<String> groups,
      String releasedBy, Instant releasedAt) {

    static RoundView of(ConsultationRound round, boolean withNames) {
      return new RoundView(round.getId(), round.number(), round.draftLabel(), round.draftLink(), round.groups(),
          withNames ? round.releasedBy() : null, round.releasedAt());
    }
  }

  /**
   * A comment and how it was handled. In the public record, {@code author}, {@code dispositionedBy} and the
   * attachment are empty: the organisation and the group speak, not the individual.
   *
   * @param reference the section or paragraph; none for general remarks on the whole draft
   * @param answeredIn the label of the later draft that takes the comment up, once there is one
   */
  public record ItemView(String id, int round, String draft, String group, String organisation, String reference,
      String comment, String attachmentFileId, String author, Instant createdAt, Disposition disposition,
      String reason, String dispositionedBy, Instant dispositionedAt, String answeredIn) {
  }

  /**
   * The consultation part of a task: a group's comments on its feedback task, or every comment of the round on
   * the disposition task, with what the caller may do.
   */
  public record TaskFeedback(String taskId, String engagementId, RoundView round, boolean feedbackTask,
      boolean canComment, boolean canDisposition, List<ItemView> items) {

    /** The comments still without a disposition. */
    public long open() {
      return items.stream().filter(item -> item.disposition() == null).count();
    }
  }

  /** A round with its comments. */
  public record RoundRecord(RoundView round, List<ItemView> items) {
  }

  /** The consultation log of an engagement, round by round; {@code withNames} false for the public one. */
  public record ConsultationRecord(String engagementId, boolean withNames, List<RoundRecord> rounds) {
  }
}
