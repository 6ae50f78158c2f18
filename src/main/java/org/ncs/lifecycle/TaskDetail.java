package org.ncs.lifecycle;

import java.util.List;

/**
 * An open task with the form it is completed with.
 *
 * @param context for a task that comes round again, what was answered before and why it came back; null the
 *     first time
 */
public record TaskDetail(OpenTask task, String form, List<FormField> fields, TaskContext context) {
}
