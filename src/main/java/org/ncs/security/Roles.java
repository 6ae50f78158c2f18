package org.ncs.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles of the service. Each is an engine group of the same name, so a role is also the candidate group of
 * the lifecycle tasks it performs; the country (tenant) a user belongs to decides where the role applies.
 */
public final class Roles {

  /** The engine's administrators: see every country and may do everything. Our global role {@code admin}. */
  public static final String ADMIN = "camunda-admin";
  public static final String ITU_OFFICER = "itu-officer";
  public static final String WB_COFACILITATOR = "wb-cofacilitator";
  public static final String EXECUTIVE = "executive";
  public static final String LEAD_AUTHORITY = "lead-authority";
  public static final String STEERING_COMMITTEE = "steering-committee";
  public static final String DRAFTING_TEAM = "drafting-team";
  public static final String STAKEHOLDER = "stakeholder";
  public static final String ME_BODY = "me-body";

  /** Roles a member can hold in an engagement, in the order the guide meets them. */
  public static final List<String> ENGAGEMENT_ROLES = List.of(EXECUTIVE, LEAD_AUTHORITY, STEERING_COMMITTEE,
      DRAFTING_TEAM, STAKEHOLDER, ME_BODY, ITU_OFFICER, WB_COFACILITATOR);

  /**
   * Partner roles are global: an ITU officer or World Bank co-facilitator is one everywhere, and an engagement
   * can only take on someone who already holds the role.
   */
  public static final Set<String> PARTNER_ROLES = Set.of(ITU_OFFICER, WB_COFACILITATOR);

  /** The organisation each partner role works for, as an engagement names its partners. */
  public static final Map<String, String> PARTNER_ORGANISATIONS = Map.of(ITU_OFFICER, "ITU",
      WB_COFACILITATOR, "World Bank");

  private Roles() {
  }

  /** Ministry roles come and go with engagement membership; partner roles are granted by an administrator. */
  public static boolean isMinistryRole(String role) {
    return ENGAGEMENT_ROLES.contains(role) && !PARTNER_ROLES.contains(role);
  }
}
