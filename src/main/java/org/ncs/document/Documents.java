package org.ncs.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.audit.AuditTrail;
import org.ncs.document.DocumentRequests.NewDocument;
import org.ncs.document.DocumentRequests.NewVersion;
import org.ncs.document.DocumentViews.DocumentView;
import org.ncs.document.DocumentViews.FileView;
import org.ncs.document.DocumentViews.VersionRef;
import org.ncs.document.DocumentViews.VersionView;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.TaskInbox;
import org.ncs.security.CurrentUser;
import org.ncs.web.ConflictException;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The documents of an engagement and their versions, and the files behind them. Everyone who may see an
 * engagement may read its documents and add to them; a file is kept only when its content is one of the kinds
 * the service keeps ({@link FileTypes}) and its name says the same, within the size limit and the engagement's
 * quota.
 */
@Service
public class Documents {

  /** An uploaded file: the name it came with and its bytes. */
  public record Upload(String name, InputStreamSource content) {
  }

  /**
   * A file to send back: what it is, and its bytes, opened only when they are sent.
   *
   * @param confidential a file of a confidential document: no copy of it is to be kept on the way
   */
  public record Download(FileView file, boolean confidential, InputStreamSource content) {
  }

  private static final Logger log = LoggerFactory.getLogger(Documents.class);

  private final Engagements engagements;
  private final TaskInbox inbox;
  private final DocumentRepository documents;
  private final DocumentVersionRepository versions;
  private final StoredFileRepository files;
  private final FileContents contents;
  private final AuditTrail audit;
  private final Clock clock;
  private final long maxSize;
  private final long quota;

  Documents(Engagements engagements, TaskInbox inbox, DocumentRepository documents, DocumentVersionRepository versions,
      StoredFileRepository files, FileContents contents, AuditTrail audit, Clock clock,
      @Value("${ncs.files.max-size:25MB}") DataSize maxSize, @Value("${ncs.files.quota:2GB}") DataSize quota) {
    this.engagements = engagements;
    this.inbox = inbox;
    this.documents = documents;
    this.versions = versions;
    this.files = files;
    this.contents = contents;
    this.audit = audit;
    this.clock = clock;
    this.maxSize = maxSize.toBytes();
    this.quota = quota.toBytes();
  }

  /** The engagement's documents, oldest first, each with its versions, newest first. */
  @Transactional(readOnly = true)
  public List<DocumentView> list(String engagementId, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    return views(documents.findByEngagementIdOrderByCreatedAt(engagementId));
  }

  /** The documents with their versions and files: two statements for any number of documents. */
  private List<DocumentView> views(List<Document> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, List<DocumentVersion>> byDocument = versions.findByDocumentIdInOrderByNumberDesc(
        found.stream().map(Document::getId).toList()).stream()
        .collect(Collectors.groupingBy(DocumentVersion::documentId, LinkedHashMap::new, Collectors.toList()));
    Map<String, StoredFile> filesById = files.findAllById(byDocument.values().stream().flatMap(List::stream)
        .map(DocumentVersion::fileId).toList()).stream().collect(Collectors.toMap(StoredFile::getId,
            Function.identity()));
    return found.stream().map(document -> view(document, byDocument.getOrDefault(document.getId(), List.of()),
        filesById)).toList();
  }

  /** A new document with its first version. */
  @Transactional
  public DocumentView create(String engagementId, NewDocument request, Upload upload, CurrentUser user) {
    String country = engagements.countryOf(engagementId, user);
    Document document = documents.save(new Document(engagementId, request.kind(), request.title().trim(),
        Boolean.TRUE.equals(request.confidential()), user.id(), clock.instant()));
    addVersion(country, document, 1, request.label(), request.changeNote(), request.taskId(), upload, user);
    return views(List.of(document)).get(0);
  }

  /** The next version of a document. */
  @Transactional
  public DocumentView addVersion(String engagementId, String documentId, NewVersion request, Upload upload,
      CurrentUser user) {
    String country = engagements.countryOf(engagementId, user);
    // locked: two versions sent at the same moment get the next two numbers
    Document document = documents.lockByIdAndEngagementId(documentId, engagementId)
        .orElseThrow(() -> new NotFoundException(Messages.get("document.notFound", documentId)));
    addVersion(country, document, versions.lastNumber(documentId) + 1, request.label(), request.changeNote(),
        request.taskId(), upload, user);
    return views(List.of(document)).get(0);
  }

  /** A file of the engagement, to stream back as it was uploaded; who fetched a confidential one is recorded. */
  @Transactional
  public Download download(String engagementId, String fileId, CurrentUser user) {
    String country = engagements.countryOf(engagementId, user);
    StoredFile file = files.findByIdAndEngagementId(fileId, engagementId)
        .orElseThrow(() -> new NotFoundException(Messages.get("document.fileNotFound", fileId)));
    Optional<Document> confidential = documents.findByVersionFile(fileId).filter(Document::confidential);
    confidential.ifPresent(document -> audit.record(user.id(), country, engagementId, "FILE_DOWNLOADED", fileId,
        Map.of("title", document.title(), "file", file.fileName())));
    return new Download(FileView.of(file), confidential.isPresent(), () -> contents.read(fileId));
  }

  /**
   * A file that belongs to no document, such as the attachment of a stakeholder's comment: checked and stored as
   * every upload is, for an open task of the engagement.
   */
  @Transactional
  public FileView attach(String engagementId, String taskId, Upload upload, CurrentUser user) {
    String country = engagements.countryOf(engagementId, user);
    StoredFile file = store(country, engagementId, taskId, upload, user);
    audit.record(user.id(), country, engagementId, "FILE_ATTACHED", file.getId(),
        Map.of("after", Map.of("task", taskId, "file", file.getId(), "sha256", file.sha256())));
    return FileView.of(file);
  }

  /** A version of one of the engagement's documents, read on the lifecycle's behalf (no caller to check). */
  @Transactional(readOnly = true)
  public Optional<VersionRef> version(String engagementId, String versionId) {
    return versions.findById(versionId)
        .flatMap(version -> documents.findById(version.documentId())
            .filter(document -> document.engagementId().equals(engagementId))
            .map(document -> new VersionRef(version.getId(), document.getId(), document.title(), version.label(),
                FileView.of(files.getReferenceById(version.fileId())))));
  }

  private void addVersion(String country, Document document, int number, String label, String note,
      String taskId, Upload upload, CurrentUser user) {
    StoredFile file = store(country, document.engagementId(), taskId, upload, user);
    DocumentVersion version = versions.save(new DocumentVersion(document.getId(), number, label.trim(),
        note == null || note.isBlank() ? null : note.trim(), file.getId(), user.id(), clock.instant()));
    audit.record(user.id(), country, document.engagementId(), "DOCUMENT_VERSION_ADDED", document.getId(),
        Map.of("after", Map.of("title", document.title(), "kind", document.kind(), "number", number,
            "label", version.label(), "file", file.getId(), "sha256", file.sha256())));
  }

  /**
   * Keeps an upload: copied to a temporary file while its SHA-256 is computed, then checked (not empty, not too
   * large, a kept kind whose name agrees, within the quota), then recorded and written to the store.
   */
  private StoredFile store(String country, String engagementId, String taskId, Upload upload, CurrentUser user) {
    if (taskId != null && inbox.find(taskId).filter(task -> engagementId.equals(task.engagementId())).isEmpty()) {
      throw new InvalidRequestException("taskId", Messages.get("document.taskNotOpen", taskId));
    }
    // the name without any folder a browser may send along; never used as a path here
    String sent = upload.name() == null ? "" : upload.name();
    String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    // control and formatting characters (a right-to-left override makes "fdp.exe" look like "exe.pdf") refused
    if (name.isBlank() || name.length() > 255 || name.codePoints().anyMatch(c -> Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT)) {
      throw new InvalidRequestException("file", Messages.get("validation.fileName"));
    }
    Path temporary = null;
    try {
      temporary = Files.createTempFile("ncs-upload-", ".bin");
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long size;
      try (InputStream in = new DigestInputStream(upload.content().getInputStream(), sha256);
          OutputStream out = Files.newOutputStream(temporary)) {
        size = in.transferTo(out);
      }
      check(name, size);
      String mediaType = FileTypes.detect(temporary);
      Set<String> names = FileTypes.ACCEPTED.get(mediaType);
      if (names == null) {
        throw new InvalidRequestException("file", Messages.get("validation.fileKind", mediaType,
            String.join(", ", new TreeSet<>(FileTypes.ACCEPTED.values().stream().flatMap(Set::stream).toList()))));
      }
      if (!FileTypes.extension(name).filter(names::contains).isPresent()) {
        throw new InvalidRequestException("file", Messages.get("validation.fileNameDisagrees", name,
            String.join(", ", new TreeSet<>(names))));
      }
      if (files.totalSize(engagementId) + size > quota) {
        throw new ConflictException(Messages.get("document.quota", DataSize.ofBytes(quota).toMegabytes()));
      }
      // flushed now: the store's chunks refer to it
      StoredFile file = files.saveAndFlush(new StoredFile(engagementId, name, mediaType, size,
          HexFormat.of().formatHex(sha256.digest()), taskId, user.id(), clock.instant()));
      contents.write(file.getId(), temporary);
      discardOnRollback(file.getId());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the system's temporary directory is cleaned up by the system too
        }
      }
    }
  }

  /** Bytes a store keeps outside the transaction go when the transaction that recorded them rolls back. */
  private void discardOnRollback(String fileId) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status == STATUS_ROLLED_BACK) {
          try {
            contents.discard(fileId);
          } catch (IOException e) {
            log.warn("Could not remove the bytes of file {}, whose upload was rolled back", fileId, e);
          }
        }
      }
    });
  }

  private void check(String name, long size) {
    if (size == 0) {
      throw new InvalidRequestException("file", Messages.get("validation.fileEmpty", name));
    }
    if (size > maxSize) {
      throw new InvalidRequestException("file", Messages.get("validation.fileTooLarge",
          DataSize.ofBytes(maxSize).toMegabytes()));
    }
  }

  private static DocumentView view(Document document, List<DocumentVersion> versions, Map<String, StoredFile> files) {
    return new DocumentView(document.getId(), document.kind(), document.title(), document.confidential(),
        document.createdBy(), document.createdAt(), versions.stream()
            .map(version -> new VersionView(version.getId(), version.number(), version.label(), version.changeNote(),
                FileView.of(files.get(version.fileId())), version.createdBy(), version.createdAt()))
            .toList());
  }
}
