package org.ncs.benchmark;

/** Why an assessment is made: the baseline of a strategy cycle, a progress check, or any other time. */
public enum AssessmentKind {
  BASELINE, PROGRESS, AD_HOC
}
