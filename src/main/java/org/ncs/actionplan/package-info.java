/**
 * The action plan as data: per engagement and strategy cycle, the initiatives that carry the strategy out, each
 * tied to a focus area and elements of the guide, with its lead and contributing agencies, period and milestones,
 * budget lines in exact amounts of ISO 4217 currencies, and indicators from a baseline to a target. An initiative
 * is written from scratch, made from a benchmark gap, or copied from the previous cycle's plan. Submitting the plan
 * freezes a version for the World Bank's co-facilitator (or the steering committee) to review, with comments per
 * initiative; progress reports give the plan its timeliness, budget execution and effectiveness.
 */
package org.ncs.actionplan;
