package org.ncs.consultation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.ncs.consultation.ConsultationRequests.NewDisposition;
import org.ncs.consultation.ConsultationRequests.NewItem;
import org.ncs.consultation.ConsultationViews.ConsultationRecord;
import org.ncs.consultation.ConsultationViews.ItemView;
import org.ncs.consultation.ConsultationViews.TaskFeedback;
import org.ncs.document.Documents;
import org.ncs.security.CurrentUsers;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
@Tag(name = "Consultation", description = "Stakeholders' comments on a released draft, item by item, the drafting "
    + "team's disposition of each, and the consultation log")
class ConsultationController {

  static final String ID = "[A-Za-z0-9-]{1,64}";
  private static final String ID_MESSAGE = "{validation.id}";

  private final Consultations consultations;
  private final ConsultationExports exports;
  private final CurrentUsers users;

  ConsultationController(Consultations consultations, ConsultationExports exports, CurrentUsers users) {
    this.consultations = consultations;
    this.exports = exports;
    this.users = users;
  }

  @GetMapping("/api/tasks/{taskId}/feedback")
  @Operation(summary = "The comments of a feedback task (one group's) or of a disposition task (the whole round)")
  TaskFeedback feedback(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId) {
    return consultations.forTask(taskId, users.current())
        .orElseThrow(() -> new NotFoundException(Messages.get("consultation.notAConsultationTask", taskId)));
  }

  @PostMapping(path = "/api/tasks/{taskId}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a comment to your group's feedback: reference (section or paragraph) and comment")
  ItemView comment(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId,
      @RequestBody @Valid NewItem request) {
    return consultations.comment(taskId, request, null, users.current());
  }

  @PostMapping(path = "/api/tasks/{taskId}/feedback", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a comment with an attached document (the same kinds and limits as documents)")
  ItemView commentWithFile(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId,
      @Valid @ModelAttribute NewItem request, @RequestPart(required = false) MultipartFile file) {
    return consultations.comment(taskId, request, attachment(file), users.current());
  }

  @DeleteMapping("/api/tasks/{taskId}/feedback/{itemId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take back one of your comments while the feedback task is open")
  void withdraw(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String itemId) {
    consultations.withdraw(taskId, itemId, users.current());
  }

  @PutMapping(path = "/api/tasks/{taskId}/feedback/{itemId}/disposition", consumes = "application/json")
  @Operation(summary = "Give a comment its disposition (ACCEPTED, PARTLY_ACCEPTED, REJECTED, NOTED) and reason")
  ItemView disposition(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String itemId,
      @RequestBody @Valid NewDisposition request) {
    return consultations.disposition(taskId, itemId, request, users.current());
  }

  @GetMapping("/api/engagements/{id}/consultation")
  @Operation(summary = "The consultation log: every round, its comments and their dispositions; with "
      + "public=true, without the names of individual commenters")
  ConsultationRecord record(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestParam(name = "public", defaultValue = "false") boolean publicLog) {
    return consultations.record(id, !publicLog, users.current());
  }

  @GetMapping("/api/engagements/{id}/consultation/log.{format}")
  @Operation(summary = "The consultation log as CSV, XLSX or PDF, in your language; public=true leaves out the "
      + "names of individual commenters")
  ResponseEntity<byte[]> export(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = "csv|xlsx|pdf", message = "{validation.exportFormat}") String format,
      @RequestParam(name = "public", defaultValue = "false") boolean publicLog, Locale locale) {
    ConsultationRecord record = consultations.record(id, !publicLog, users.current());
    consultations.exported(id, format, !publicLog, users.current());
    return exports.download(record, ConsultationExports.Format.valueOf(format.toUpperCase(Locale.ROOT)), locale);
  }

  /** An optional attachment: a form sent without choosing a file has a part with no name. */
  static Documents.Upload attachment(MultipartFile file) {
    return file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? null
        : new Documents.Upload(file.getOriginalFilename(), file);
  }
}
