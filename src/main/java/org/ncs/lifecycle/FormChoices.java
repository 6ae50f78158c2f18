package org.ncs.lifecycle;

import java.util.List;
import java.util.Optional;
import org.ncs.lifecycle.FormView.Option;

/**
 * The options of a form's choice that depend on the engagement, such as its documents: a form names them with
 * the choice's {@code valuesKey}, as form-js does for options that come with the task's data. The task's page
 * offers them and a completion is held to them.
 */
public interface FormChoices {

  /** The {@code valuesKey} forms name these options by. */
  String key();

  /** The options for the engagement, in the order to offer them. */
  List<Option> options(String engagementId);

  /** Where to read the chosen option, a page or file of the service, if it has one. */
  default Optional<String> link(String engagementId, String value) {
    return Optional.empty();
  }
}
