package org.ncs.web;

/** One rejected input: which field (or parameter) and why, as listed under {@code errors} in a problem. */
public record FieldError(String field, String message) {
}
