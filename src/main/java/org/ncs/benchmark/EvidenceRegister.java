package org.ncs.benchmark;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ncs.audit.AuditTrail;
import org.ncs.benchmark.BenchmarkRequests.NewEvidence;
import org.ncs.benchmark.BenchmarkViews.EvidenceView;
import org.ncs.document.DocumentRequests.NewDocument;
import org.ncs.document.DocumentViews.DocumentView;
import org.ncs.document.DocumentViews.VersionRef;
import org.ncs.document.Documents;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An engagement's evidence register: each source recorded once, by a link or a version of one of its documents. */
@Service
public class EvidenceRegister {

  private final EvidenceRepository evidence;
  private final Engagements engagements;
  private final Documents documents;
  private final AuditTrail audit;
  private final Clock clock;

  EvidenceRegister(EvidenceRepository evidence, Engagements engagements, Documents documents, AuditTrail audit,
      Clock clock) {
    this.evidence = evidence;
    this.engagements = engagements;
    this.documents = documents;
    this.audit = audit;
    this.clock = clock;
  }

  /** The register as the caller may see it, newest first: confidential items only for the team and partners. */
  @Transactional(readOnly = true)
  public List<EvidenceView> list(String engagementId, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    boolean confidential = BenchmarkAccess.maySeeConfidential(user);
    return evidence.findByEngagementIdOrderByCreatedAtDesc(engagementId).stream()
        .filter(item -> confidential || !item.confidential()).map(EvidenceView::of).toList();
  }

  @Transactional
  public EvidenceView add(String engagementId, NewEvidence request, CurrentUser user) {
    String country = engagements.countryOf(engagementId, user);
    if (!BenchmarkAccess.mayRecordEvidence(user)) {
      throw new AccessDeniedException("Only the country's team and its partners record evidence");
    }
    List<FieldError> errors = new ArrayList<>();
    String url = blankToNull(request.url());
    String fileId = null;
    if (url != null && !isWebAddress(url)) {
      errors.add(new FieldError("url", Messages.get("benchmark.evidence.url")));
    }
    if (request.documentVersionId() != null) {
      if (url != null) {
        errors.add(new FieldError("documentVersionId", Messages.get("benchmark.evidence.linkOrDocument")));
      }
      fileId = documents.version(engagementId, request.documentVersionId()).map(VersionRef::file)
          .map(file -> file.id()).orElse(null);
      if (fileId == null) {
        errors.add(new FieldError("documentVersionId", Messages.get("benchmark.evidence.noSuchVersion")));
      }
    } else if (url == null && errors.isEmpty()) {
      errors.add(new FieldError("url", Messages.get("benchmark.evidence.linkOrDocument")));
    }
    if (request.date() != null && request.date().isAfter(LocalDate.now(clock))) {
      errors.add(new FieldError("date", Messages.get("validation.notFuture")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Evidence item = evidence.save(new Evidence(engagementId, request.kind(), request.title().trim(), url, fileId,
        blankToNull(request.reference()), request.date(), blankToNull(request.owner()),
        Boolean.TRUE.equals(request.confidential()), user.id(), clock.instant()));
    // the engagement's history is read by everyone of it, stakeholders too: a confidential item's title stays out
    audit.record(user.id(), country, engagementId, "EVIDENCE_ADDED", item.getId(), Map.of("after",
        item.confidential() ? Map.of("confidential", true)
            : Map.of("title", item.title(), "kind", item.kind().name(), "confidential", false)));
    return EvidenceView.of(item);
  }

  /**
   * Records a source uploaded with it: the file becomes a document of the engagement (kind evidence, the same title
   * and confidentiality, version 1) and the item cites that version. A link or a chosen version besides the file is
   * refused before anything is stored.
   */
  @Transactional
  public EvidenceView addWithFile(String engagementId, NewEvidence request, Documents.Upload upload,
      CurrentUser user) {
    engagements.countryOf(engagementId, user);
    if (!BenchmarkAccess.mayRecordEvidence(user)) {
      throw new AccessDeniedException("Only the country's team and its partners record evidence");
    }
    List<FieldError> errors = new ArrayList<>();
    if (blankToNull(request.url()) != null || request.documentVersionId() != null) {
      errors.add(new FieldError("file", Messages.get("benchmark.evidence.linkOrDocument")));
    }
    if (request.date() != null && request.date().isAfter(LocalDate.now(clock))) {
      errors.add(new FieldError("date", Messages.get("validation.notFuture")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    DocumentView document = documents.create(engagementId, new NewDocument("evidence", request.title().trim(), "1",
        null, null, request.confidential()), upload, user);
    return add(engagementId, new NewEvidence(request.kind(), request.title(), null, document.versions().get(0).id(),
        request.reference(), request.date(), request.owner(), request.confidential()), user);
  }

  private static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
