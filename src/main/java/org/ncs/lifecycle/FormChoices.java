package org.ncs.lifecycle;

import java.util.List;
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
}
