/**
 * The person's work in pages: their tasks (My work), and each task with its context, its form and its comments.
 * The lifecycle module owns the tasks, their forms and their rules; this module shows them, through the same
 * services the API calls.
 */
package org.ncs.task;
