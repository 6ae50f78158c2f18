package org.ncs.lifecycle;

import java.time.LocalDate;

/**
 * The strategy was adopted, by the approval task or by a decision taken outside the system. Published in the
 * engine's transaction, so that what the service records of the strategy period commits with the engine's.
 *
 * @param adoptedBy who completed the approval or reported the adoption; null if the system did
 * @param strategyEndDate the last day of the adopted strategy's period, which now drives the lifecycle
 */
public record StrategyAdopted(String engagementId, String reference, LocalDate adoptionDate,
    LocalDate strategyEndDate, String adoptedBy) {
}
