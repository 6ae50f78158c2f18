package org.ncs.benchmark;

/** What kind of source an item of evidence is. */
public enum EvidenceKind {
  LAW, POLICY, STRATEGY, REPORT, WEBSITE, DATASET, OTHER
}
