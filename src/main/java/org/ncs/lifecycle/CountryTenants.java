package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.COUNTRY;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Definitions are shared by all countries; each instance belongs to one. A lifecycle starts with its country's
 * code as variable {@code country}, which becomes the instance's tenant; every phase called from it inherits it.
 */
class CountryTenants implements TenantIdProvider {

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    Object country = ctx.getVariables() == null ? null : ctx.getVariables().get(COUNTRY);
    return country == null ? null : country.toString();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return ctx.getSuperExecution() == null ? null : ctx.getSuperExecution().getTenantId();
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
  }
}
