package org.ncs.document;

import java.util.List;
import java.util.Optional;
import org.ncs.lifecycle.FormChoices;
import org.ncs.lifecycle.FormView.Option;
import org.ncs.web.Messages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engagement's document versions, for a form that asks for a document (valuesKey {@value #KEY}): each
 * document's versions, the newest first, named by the document's title, the version and the file.
 */
@Component
class DocumentChoices implements FormChoices {

  static final String KEY = "engagementDocuments";

  private final DocumentVersionRepository versions;

  DocumentChoices(DocumentVersionRepository versions) {
    this.versions = versions;
  }

  @Override
  public String key() {
    return KEY;
  }

  /** The version's file, as the pages link to it. */
  @Override
  @Transactional(readOnly = true)
  public Optional<String> link(String engagementId, String value) {
    return versions.fileOf(value, engagementId)
        .map(fileId -> "/api/engagements/" + engagementId + "/files/" + fileId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Option> options(String engagementId) {
    return versions.choices(engagementId).stream()
        .map(choice -> new Option(choice.id(), Messages.get("documents.choice", choice.title(), choice.label(),
            choice.fileName())))
        .toList();
  }
}
