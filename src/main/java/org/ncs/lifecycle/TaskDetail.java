package org.ncs.lifecycle;

import java.util.List;

/** An open task with the form it is completed with. */
public record TaskDetail(OpenTask task, String form, List<FormField> fields) {
}
