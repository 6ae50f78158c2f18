/**
 * Benchmarking: a country rated against every good-practice element of a guide edition, on two scales (coverage
 * of the strategy text, implementation), with evidence from one register per engagement; assessments drafted and
 * submitted by the country's team and validated or returned by an ITU officer of the country; scores by focus area
 * and overall, and a maturity band from a DMN decision table the engine evaluates.
 */
package org.ncs.benchmark;
