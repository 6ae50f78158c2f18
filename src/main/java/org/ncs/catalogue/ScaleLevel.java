package org.ncs.catalogue;

/** One level of a rating scale and its name ("Formative"). */
public record ScaleLevel(int level, String name) {
}
