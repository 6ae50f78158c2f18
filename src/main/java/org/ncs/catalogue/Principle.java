package org.ncs.catalogue;

/** An overarching principle that applies to both the process and the content of a strategy. */
public record Principle(String id, String number, String title, Integer page, Confidence confidence, String summary) {
}
