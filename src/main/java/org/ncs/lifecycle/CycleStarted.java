package org.ncs.lifecycle;

/** A renewed strategy has started its next cycle. Published in the engine's transaction. */
public record CycleStarted(String engagementId, int cycle) {
}
