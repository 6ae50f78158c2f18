package org.ncs.benchmark;

import org.ncs.security.CurrentUser;
import org.ncs.security.Roles;

/**
 * Who does what in benchmarking, within a country the person may see: the country's team (its ministry roles,
 * not stakeholders) drafts, rates and submits; an ITU officer of the country who is not on its team validates or
 * returns; confidential evidence is for the team and the partners, not for stakeholders.
 */
final class BenchmarkAccess {

  private BenchmarkAccess() {
  }

  static boolean isTeam(CurrentUser user) {
    return user.isCountryTeam();
  }

  static boolean isReviewer(CurrentUser user) {
    return user.hasRole(Roles.ITU_OFFICER) && !isTeam(user);
  }

  static boolean isPartner(CurrentUser user) {
    return Roles.PARTNER_ROLES.stream().anyMatch(user::hasRole);
  }

  static boolean maySeeConfidential(CurrentUser user) {
    return user.isAdmin() || isTeam(user) || isPartner(user);
  }

  /** Those who may add to the evidence register: the team and the partners. */
  static boolean mayRecordEvidence(CurrentUser user) {
    return isTeam(user) || isPartner(user);
  }
}
