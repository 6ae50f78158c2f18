package org.ncs.document;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.ncs.document.DocumentRequests.NewDocument;
import org.ncs.document.DocumentRequests.NewVersion;
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

/** An engagement's documents as a page: each with its versions to download, and forms to add to them. */
@Controller
@Validated
class DocumentPages {

  static final List<String> KINDS = List.of(DocumentRequests.KINDS.split("\\|"));

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
    model.addAttribute("engagement", engagements.summaries(List.of(id), user, locale).get(id));
    model.addAttribute("kinds", KINDS);
    model.addAttribute("section", "work");
    return "document/documents";
  }

  @PostMapping("/engagements/{id}/documents")
  String create(@PathVariable @Pattern(regexp = DocumentController.ID, message = "{validation.engagementId}")
      String id, @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
      @RequestParam(required = false) String label, @RequestParam(required = false) String changeNote,
      @RequestPart(required = false) MultipartFile file, RedirectAttributes next) {
    NewDocument request = new NewDocument(kind, title, label, changeNote);
    PageForms.submit(validator, next, "document", PageForms.typed("kind", kind, "title", title, "label",
        label, "changeNote", changeNote), request, "documents.saved.document",
        () -> documents.create(id, request, DocumentController.upload(file), users.current()));
    return "redirect:/engagements/" + id + "/documents";
  }

  @PostMapping("/engagements/{id}/documents/{documentId}/versions")
  String addVersion(@PathVariable @Pattern(regexp = DocumentController.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = DocumentController.ID, message = "{validation.id}") String documentId,
      @RequestParam(required = false) String label, @RequestParam(required = false) String changeNote,
      @RequestPart(required = false) MultipartFile file, RedirectAttributes next) {
    NewVersion request = new NewVersion(label, changeNote);
    next.addFlashAttribute("versionOf", documentId);
    PageForms.submit(validator, next, "version", PageForms.typed("label", label, "changeNote", changeNote),
        request, "documents.saved.version", () -> documents.addVersion(id, documentId, request,
            DocumentController.upload(file), users.current()));
    return "redirect:/engagements/" + id + "/documents#document-" + documentId;
  }
}
