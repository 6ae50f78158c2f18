package org.ncs.consultation;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Locale;
import org.ncs.consultation.ConsultationRequests.NewDisposition;
import org.ncs.consultation.ConsultationRequests.NewItem;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.web.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consultation on our pages: a stakeholder's comments on their group's feedback task, the drafting team's
 * dispositions on theirs (both shown on the task's page), and the engagement's consultation record.
 */
@Controller
@Validated
class ConsultationPages {

  private static final String ID = ConsultationController.ID;

  private final Consultations consultations;
  private final Engagements engagements;
  private final CurrentUsers users;
  private final Validator validator;

  ConsultationPages(Consultations consultations, Engagements engagements, CurrentUsers users, Validator validator) {
    this.consultations = consultations;
    this.engagements = engagements;
    this.users = users;
    this.validator = validator;
  }

  @PostMapping("/tasks/{taskId}/feedback")
  String comment(@PathVariable @Pattern(regexp = ID, message = "{validation.taskId}") String taskId,
      @RequestParam(required = false) String reference, @RequestParam(required = false) String comment,
      @RequestPart(required = false) MultipartFile file, RedirectAttributes next) {
    NewItem item = new NewItem(reference, comment);
    PageForms.submit(validator, next, "feedback", PageForms.typed("reference", reference, "comment", comment), item,
        "consultation.saved.comment", () -> consultations.comment(taskId, item,
            ConsultationController.attachment(file), users.current()));
    return "redirect:/tasks/" + taskId + "#feedback";
  }

  @PostMapping("/tasks/{taskId}/feedback/{itemId}/withdraw")
  String withdraw(@PathVariable @Pattern(regexp = ID, message = "{validation.taskId}") String taskId,
      @PathVariable @Pattern(regexp = ID, message = "{validation.id}") String itemId, RedirectAttributes next) {
    PageForms.submit(validator, next, "feedback", PageForms.typed(), null, "consultation.saved.withdrawn",
        () -> consultations.withdraw(taskId, itemId, users.current()));
    return "redirect:/tasks/" + taskId + "#feedback";
  }

  @PostMapping("/tasks/{taskId}/feedback/{itemId}/disposition")
  String disposition(@PathVariable @Pattern(regexp = ID, message = "{validation.taskId}") String taskId,
      @PathVariable @Pattern(regexp = ID, message = "{validation.id}") String itemId,
      @RequestParam(required = false) String disposition, @RequestParam(required = false) String reason,
      RedirectAttributes next) {
    NewDisposition request = new NewDisposition(Arrays.stream(Disposition.values())
        .filter(value -> value.name().equals(disposition)).findFirst().orElse(null), reason);
    next.addFlashAttribute("dispositionOf", itemId);
    PageForms.submit(validator, next, "disposition", PageForms.typed("disposition", disposition, "reason", reason),
        request, "consultation.saved.disposition",
        () -> consultations.disposition(taskId, itemId, request, users.current()));
    return "redirect:/tasks/" + taskId + "#item-" + itemId;
  }

  @GetMapping("/engagements/{id}/consultation")
  String record(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id, Model model,
      Locale locale) {
    CurrentUser user = users.current();
    model.addAttribute("record", consultations.record(id, Consultations.maySeeNames(user), user));
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    model.addAttribute("section", "work");
    return "consultation/record";
  }
}
