package org.ncs.benchmark;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.benchmark.Assessment.State;
import org.ncs.benchmark.BenchmarkRequests.NewAssessment;
import org.ncs.benchmark.BenchmarkRequests.NewEvidence;
import org.ncs.benchmark.BenchmarkRequests.RatingRequest;
import org.ncs.benchmark.BenchmarkViews.AssessmentDetail;
import org.ncs.benchmark.BenchmarkViews.AssessmentSummary;
import org.ncs.benchmark.BenchmarkViews.EvidenceView;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Element;
import org.ncs.catalogue.Scale;
import org.ncs.document.Documents;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
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
 * The team's side of benchmarking in the pages: an assessment element by element (each element rated on its own
 * page, with what every level asks, the register's evidence and the rating's history), submitted when complete;
 * the evidence register with its form. An ITU officer of the country reads the same pages and validates or returns
 * a submitted assessment.
 */
@Controller
@Validated
class AssessmentPages {

  private static final String ELEMENT = BenchmarkRequests.ELEMENT;

  private final Assessments assessments;
  private final EvidenceRegister register;
  private final Engagements engagements;
  private final Documents documents;
  private final Catalogue catalogue;
  private final CurrentUsers users;
  private final Validator validator;

  AssessmentPages(Assessments assessments, EvidenceRegister register, Engagements engagements, Documents documents,
      Catalogue catalogue, CurrentUsers users, Validator validator) {
    this.assessments = assessments;
    this.register = register;
    this.engagements = engagements;
    this.documents = documents;
    this.catalogue = catalogue;
    this.users = users;
    this.validator = validator;
  }

  @GetMapping("/engagements/{id}/assessments/{assessmentId}")
  String assessment(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.id}") String assessmentId,
      Model model, Locale locale) {
    CurrentUser user = users.current();
    AssessmentDetail detail = assessments.get(id, assessmentId, user);
    AssessmentSummary summary = detail.assessment();
    Edition edition = catalogue.edition(summary.edition()).orElseThrow();
    State state = State.valueOf(summary.state());
    common(model, id, user, locale, edition);
    model.addAttribute("assessment", detail);
    model.addAttribute("a", summary);
    model.addAttribute("rated", detail.ratings().size());
    model.addAttribute("total", edition.elements().count());
    model.addAttribute("editable", BenchmarkAccess.isTeam(user) && state.editable());
    model.addAttribute("toReview", BenchmarkAccess.isReviewer(user) && state == State.SUBMITTED ? summary : null);
    model.addAttribute("correctable", BenchmarkAccess.isTeam(user) && state == State.VALIDATED
        && summary.supersededBy() == null);
    return "benchmark/assessment";
  }

  @PostMapping("/engagements/{id}/assessments")
  String start(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @RequestParam(required = false) AssessmentKind kind, @RequestParam(required = false) String asOf,
      RedirectAttributes next) {
    AtomicReference<String> started = new AtomicReference<>();
    LocalDate date = date(asOf);
    boolean notADate = date == null && asOf != null && !asOf.isBlank();
    // a date that is not one is said so, rather than reported missing
    PageForms.submit(validator, next, "start", PageForms.typed("kind", kind == null ? null : kind.name(), "asOf",
        asOf), notADate ? null : new NewAssessment(kind, date), "assessment.started", () -> {
          if (notADate) {
            throw new InvalidRequestException("asOf", Messages.get("validation.date"));
          }
          started.set(assessments.create(id, new NewAssessment(kind, date), users.current()).id());
        });
    return started.get() == null ? "redirect:/engagements/" + id + "/scorecard"
        : "redirect:/engagements/" + id + "/assessments/" + started.get();
  }

  @PostMapping("/engagements/{id}/assessments/{assessmentId}/submit")
  String submit(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.id}") String assessmentId,
      RedirectAttributes next) {
    PageForms.submit(validator, next, "assessment", PageForms.typed(), null, "assessment.submitted",
        () -> assessments.submit(id, assessmentId, users.current()));
    return "redirect:/engagements/" + id + "/assessments/" + assessmentId;
  }

  @PostMapping("/engagements/{id}/assessments/{assessmentId}/discard")
  String discard(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.id}") String assessmentId,
      RedirectAttributes next) {
    PageForms.submit(validator, next, "assessment", PageForms.typed(), null, "assessment.discarded",
        () -> assessments.discard(id, assessmentId, users.current()));
    return next.getFlashAttributes().containsKey("success") ? "redirect:/engagements/" + id + "/scorecard"
        : "redirect:/engagements/" + id + "/assessments/" + assessmentId;
  }

  @PostMapping("/engagements/{id}/assessments/{assessmentId}/correction")
  String correct(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.id}") String assessmentId,
      RedirectAttributes next) {
    AtomicReference<String> correction = new AtomicReference<>(assessmentId);
    PageForms.submit(validator, next, "assessment", PageForms.typed(), null, "assessment.correcting",
        () -> correction.set(assessments.correct(id, assessmentId, users.current()).id()));
    return "redirect:/engagements/" + id + "/assessments/" + correction.get();
  }

  @GetMapping("/engagements/{id}/assessments/{assessmentId}/elements/{elementId}")
  String element(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.id}") String assessmentId,
      @PathVariable @Pattern(regexp = ELEMENT, message = "{validation.elementId}") String elementId, Model model,
      Locale locale) {
    CurrentUser user = users.current();
    AssessmentDetail detail = assessments.get(id, assessmentId, user);
    Edition edition = catalogue.edition(detail.assessment().edition()).orElseThrow();
    Element element = edition.element(elementId).orElseThrow(() -> new NotFoundException(
        Messages.get("benchmark.noElement", elementId, edition.key())));
    common(model, id, user, locale, edition);
    List<Element> all = edition.elements().toList();
    int at = all.indexOf(element);
    model.addAttribute("a", detail.assessment());
    model.addAttribute("element", element);
    model.addAttribute("area", edition.focusAreaOf(elementId).orElseThrow());
    model.addAttribute("rating", detail.ratings().get(elementId));
    model.addAttribute("previousElement", at > 0 ? all.get(at - 1) : null);
    model.addAttribute("nextElement", at < all.size() - 1 ? all.get(at + 1) : null);
    model.addAttribute("position", at + 1);
    model.addAttribute("total", all.size());
    model.addAttribute("editable", BenchmarkAccess.isTeam(user)
        && State.valueOf(detail.assessment().state()).editable());
    model.addAttribute("history", assessments.history(id, assessmentId, elementId, user));
    model.addAttribute("register", register.list(id, user).stream()
        .collect(Collectors.toMap(EvidenceView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    model.addAttribute("coverageLevels", edition.scales().of(Scale.COVERAGE));
    model.addAttribute("implementationLevels", edition.scales().of(Scale.IMPLEMENTATION));
    return "benchmark/rating";
  }

  @PostMapping("/engagements/{id}/assessments/{assessmentId}/elements/{elementId}")
  String rate(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.id}") String assessmentId,
      @PathVariable @Pattern(regexp = ELEMENT, message = "{validation.elementId}") String elementId,
      @RequestParam(required = false) Integer coverage, @RequestParam(required = false) Integer implementation,
      @RequestParam(required = false) boolean notApplicable, @RequestParam(required = false) String rationale,
      @RequestParam(required = false) List<String> evidence, RedirectAttributes next) {
    RatingRequest request = new RatingRequest(notApplicable ? null : coverage, notApplicable ? null : implementation,
        notApplicable, rationale, evidence);
    PageForms.submit(validator, next, "rating", PageForms.typed("coverage", text(coverage), "implementation",
        text(implementation), "notApplicable", notApplicable ? "true" : null, "rationale", rationale, "evidence",
        evidence == null ? null : String.join(",", evidence)), request, "assessment.rated",
        () -> assessments.rate(id, assessmentId, elementId, request, users.current()));
    if (!next.getFlashAttributes().containsKey("success")) {
      return "redirect:/engagements/" + id + "/assessments/" + assessmentId + "/elements/" + elementId;
    }
    // on to the next element still to rate, in the guide's order; the assessment once every one is rated
    return assessments.nextToRate(id, assessmentId, elementId, users.current())
        .map(element -> "redirect:/engagements/" + id + "/assessments/" + assessmentId + "/elements/" + element)
        .orElse("redirect:/engagements/" + id + "/assessments/" + assessmentId);
  }

  @GetMapping("/engagements/{id}/evidence")
  String evidence(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, Model model, Locale locale) {
    CurrentUser user = users.current();
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    model.addAttribute("items", register.list(id, user));
    model.addAttribute("mayRecord", BenchmarkAccess.mayRecordEvidence(user));
    model.addAttribute("kinds", List.of(EvidenceKind.values()));
    model.addAttribute("versions", documents.list(id, user).stream().flatMap(document -> document.versions()
        .stream().filter(version -> version.file() != null)
        .map(version -> new VersionChoice(version.id(), document.title() + " · " + version.label()))).toList());
    model.addAttribute("section", "work");
    return "benchmark/evidence";
  }

  @PostMapping("/engagements/{id}/evidence")
  String addEvidence(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @RequestParam(required = false) EvidenceKind kind, @RequestParam(required = false) String title,
      @RequestParam(required = false) String url, @RequestParam(required = false) String documentVersionId,
      @RequestParam(required = false) String reference, @RequestParam(required = false) String date,
      @RequestParam(required = false) String owner, @RequestParam(required = false) boolean confidential,
      @RequestPart(required = false) MultipartFile file, RedirectAttributes next) {
    Documents.Upload upload = file == null || file.getOriginalFilename() == null
        || file.getOriginalFilename().isBlank() ? null : new Documents.Upload(file.getOriginalFilename(), file);
    LocalDate issued = date(date);
    NewEvidence request = new NewEvidence(kind, title, blankToNull(url), blankToNull(documentVersionId),
        blankToNull(reference), issued, blankToNull(owner), confidential);
    PageForms.submit(validator, next, "evidence", PageForms.typed("kind", kind == null ? null : kind.name(),
        "title", title, "url", url, "documentVersionId", documentVersionId, "reference", reference, "date", date,
        "owner", owner, "confidential", confidential ? "true" : null), request, "evidence.added", () -> {
          if (issued == null && date != null && !date.isBlank()) {
            throw new InvalidRequestException("date", Messages.get("validation.date"));
          }
          if (upload == null) {
            register.add(id, request, users.current());
          } else {
            register.addWithFile(id, request, upload, users.current());
          }
        });
    return "redirect:/engagements/" + id + "/evidence";
  }

  /** A version of one of the engagement's documents, as the evidence form offers it. */
  record VersionChoice(String id, String label) {
  }

  private void common(Model model, String id, CurrentUser user, Locale locale, Edition edition) {
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    model.addAttribute("edition", edition);
    model.addAttribute("coverageNames", edition.scales().names(Scale.COVERAGE));
    model.addAttribute("implementationNames", edition.scales().names(Scale.IMPLEMENTATION));
    model.addAttribute("section", "work");
  }

  private static LocalDate date(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
