package org.ncs.document;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ncs.document.DocumentRequests.NewDocument;
import org.ncs.document.DocumentRequests.NewVersion;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.web.Messages;
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

/** An engagement's documents as a page: each with its versions to download, and forms to add to them. */
@Controller
@Validated
class DocumentPages {

  static final List<String> KINDS = DocumentRequests.kinds();

  private final Documents documents;
  private final Engagements engagements;
  private final CurrentUsers users;
  private final Validator validator;

  DocumentPages(Documents documents, Engagements engagements, CurrentUsers users, Validator validator) {
    this.documents = documents;
    this.engagements = engagements;
    this.users = users;
    this.validator = validator;
  }

  @GetMapping("/engagements/{id}/documents")
  String documents(@PathVariable @Pattern(regexp = DocumentController.ID, message = "{validation.engagementId}")
      String id, Model model, Locale locale) {
    CurrentUser user = users.current();
    model.addAttribute("documents", documents.list(id, user));
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    model.addAttribute("kinds", KINDS);
    model.addAttribute("section", "work");
    return "document/documents";
  }

  @PostMapping("/engagements/{id}/documents")
  String create(@PathVariable @Pattern(regexp = DocumentController.ID, message = "{validation.engagementId}")
      String id, @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
      @RequestParam(required = false) String label, @RequestParam(required = false) String changeNote,
      @RequestParam(required = false) String taskId, @RequestParam(defaultValue = "false") boolean confidential,
      @RequestPart(required = false) MultipartFile file, RedirectAttributes next) {
    NewDocument request = new NewDocument(kind, title, label, changeNote, taskId, confidential);
    PageForms.submit(validator, next, "document", PageForms.typed("kind", kind, "title", title, "label",
        label, "changeNote", changeNote), request, "documents.saved.document",
        () -> documents.create(id, request, DocumentController.upload(file), users.current()));
    return back(id, taskId, "");
  }

  /** Back to the task the upload was for (its form offers the new version), or to the documents. */
  private static String back(String id, String taskId, String anchor) {
    return taskId != null && taskId.matches(DocumentRequests.TASK_ID) ? "redirect:/tasks/" + taskId + "#upload"
        : "redirect:/engagements/" + id + "/documents" + anchor;
  }

  /** A new version of the document chosen in the form (the task page's upload offers every document). */
  @PostMapping("/engagements/{id}/documents/versions")
  String addVersionOfChosen(@PathVariable @Pattern(regexp = DocumentController.ID,
      message = "{validation.engagementId}") String id,
      @RequestParam(required = false) @Pattern(regexp = DocumentController.ID, message = "{validation.id}")
      String documentId,
      @RequestParam(required = false) String label, @RequestParam(required = false) String changeNote,
      @RequestParam(required = false) String taskId, @RequestPart(required = false) MultipartFile file,
      RedirectAttributes next) {
    if (documentId == null) {
      next.addFlashAttribute("versionErrors", Map.of("documentId", Messages.get("validation.required")));
      next.addFlashAttribute("versionSent", PageForms.typed("label", label, "changeNote", changeNote));
      return back(id, taskId, "");
    }
    return addVersion(id, documentId, label, changeNote, taskId, file, next);
  }

  @PostMapping("/engagements/{id}/documents/{documentId}/versions")
  String addVersion(@PathVariable @Pattern(regexp = DocumentController.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = DocumentController.ID, message = "{validation.id}") String documentId,
      @RequestParam(required = false) String label, @RequestParam(required = false) String changeNote,
      @RequestParam(required = false) String taskId, @RequestPart(required = false) MultipartFile file,
      RedirectAttributes next) {
    NewVersion request = new NewVersion(label, changeNote, taskId);
    next.addFlashAttribute("versionOf", documentId);
    PageForms.submit(validator, next, "version", PageForms.typed("label", label, "changeNote", changeNote),
        request, "documents.saved.version", () -> documents.addVersion(id, documentId, request,
            DocumentController.upload(file), users.current()));
    return back(id, taskId, "#document-" + documentId);
  }
}
