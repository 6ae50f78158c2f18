package org.ncs.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** The guide's five phases as the models implement them: the phase model and the call activity that runs it. */
enum LifecyclePhase {
  P1("ncs-phase-1-initiation", "CallActivity_Initiation"),
  P2("ncs-phase-2-stocktaking-analysis", "CallActivity_Stocktaking"),
  P3("ncs-phase-3-production", "CallActivity_Production"),
  P4("ncs-phase-4-implementation", "CallActivity_Implementation"),
  P5("ncs-phase-5-monitoring-evaluation", "CallActivity_MonitoringEvaluation");

  final String processKey;
  final String callActivity;

  LifecyclePhase(String processKey, String callActivity) {
    this.processKey = processKey;
    this.callActivity = callActivity;
  }

  static Optional<LifecyclePhase> ofProcess(String processKey) {
    return Arrays.stream(values()).filter(p -> p.processKey.equals(processKey)).findFirst();
  }

  static Optional<LifecyclePhase> ofCallActivity(String activityId) {
    return Arrays.stream(values()).filter(p -> p.callActivity.equals(activityId)).findFirst();
  }
}
