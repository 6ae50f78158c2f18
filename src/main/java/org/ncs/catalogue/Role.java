package org.ncs.catalogue;

/** A key entity of the guide; its key is also the candidate group of the lifecycle tasks it performs. */
public record Role(String key, String name, String summary) {
}
