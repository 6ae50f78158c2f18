package org.ncs.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a caller sends to the consultation record. */
public final class ConsultationRequests {

  private ConsultationRequests() {
  }

  /**
   * A stakeholder's comment on the draft.
   *
   * @param reference the section or paragraph it is about ("3.2", "p. 14"); empty for the draft as a whole
   */
  public record NewItem(
      @Size(max = 200) String reference,
      @NotBlank @Size(min = 2, max = 8000) String comment) {
  }

  /** The drafting team's disposition of a comment, with its reason. */
  public record NewDisposition(
      @NotNull(message = "{validation.disposition}") Disposition disposition,
      @NotBlank @Size(min = 2, max = 4000) String reason) {
  }
}
