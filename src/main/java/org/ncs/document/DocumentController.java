package org.ncs.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ncs.document.DocumentRequests.NewDocument;
import org.ncs.document.DocumentRequests.NewVersion;
import org.ncs.document.DocumentViews.DocumentView;
import org.ncs.security.CurrentUsers;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/engagements/{id}")
@Validated
@Tag(name = "Documents", description = "An engagement's documents, their versions and files; only those of your "
    + "countries exist for you")
class DocumentController {

  static final String ID = "[A-Za-z0-9-]{1,64}";
  private static final String ID_MESSAGE = "{validation.id}";

  private final Documents documents;
  private final CurrentUsers users;

  DocumentController(Documents documents, CurrentUsers users) {
    this.documents = documents;
    this.users = users;
  }

  @GetMapping("/documents")
  @Operation(summary = "The engagement's documents, each with its versions, the newest first")
  List<DocumentView> list(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return documents.list(id, users.current());
  }

  @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "A new document and its first version: kind, title, label, changeNote and the file "
      + "(PDF, DOCX, ODT, XLSX, ODS, PPTX, PNG or JPEG, up to 25 MB; the content decides what it is)")
  DocumentView create(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @ModelAttribute NewDocument request, @RequestPart(required = false) MultipartFile file) {
    return documents.create(id, request, upload(file), users.current());
  }

  @PostMapping(path = "/documents/{documentId}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "The next version of a document: label, changeNote and the file")
  DocumentView addVersion(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String documentId,
      @Valid @ModelAttribute NewVersion request, @RequestPart(required = false) MultipartFile file) {
    return documents.addVersion(id, documentId, request, upload(file), users.current());
  }

  @GetMapping("/files/{fileId}")
  @Operation(summary = "A file as it was uploaded; its SHA-256 is the ETag")
  ResponseEntity<Resource> download(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String fileId) {
    Documents.Download download = documents.download(id, fileId, users.current());
    // opened only when sent: a 304 for a copy the client has opens nothing
    Resource bytes = new AbstractResource() {
      @Override
      public InputStream getInputStream() throws IOException {
        return download.content().getInputStream();
      }

      @Override
      public long contentLength() {
        return download.file().size();
      }

      @Override
      public String getDescription() {
        return "file " + download.file().id();
      }
    };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.file().mediaType()))
        .contentLength(download.file().size())
        .eTag(download.file().sha256())
        // a confidential file is not kept by the browser or anything on the way
        .cacheControl(download.confidential() ? CacheControl.noStore() : CacheControl.noCache().cachePrivate())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(download.file().fileName(), StandardCharsets.UTF_8).build().toString())
        .body(bytes);
  }

  static Documents.Upload upload(MultipartFile file) {
    // a form sent without choosing a file has a part with no name; an empty file is refused for being empty
    if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
      throw new InvalidRequestException("file", Messages.get("validation.required"));
    }
    return new Documents.Upload(file.getOriginalFilename(), file);
  }
}
