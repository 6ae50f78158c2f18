package org.ncs.lifecycle;

/** The evaluation closed the engagement: its lifecycle has ended. Published in the engine's transaction. */
public record LifecycleClosed(String engagementId) {
}
