package org.aucl.cli;

import org.aucl.spec.Safety;
import picocli.CommandLine.Option;

/** How a run protects itself (docs/RELIABILITY.md); each option is null unless given. */
public final class SafetyOptions {
  @Option(names = "--checkpoint-every", paramLabel = "N|Tm|Ts",
      description = "Also checkpoint inside an epoch every N steps, T minutes or T seconds; 0: epoch ends only (default: "
          + Safety.DEFAULT_CHECKPOINT_EVERY + ").")
  String checkpointEvery;

  @Option(names = "--on-nan", paramLabel = "stop|skip",
      description = "A step whose loss or gradient is not finite: stop the run (exit code 3, last checkpoint kept) or skip "
          + "the step (default: " + Safety.DEFAULT_ON_NAN + ").")
  String onNan;

  Safety applyTo(Safety s) {
    return UserInput.check(() -> new Safety(
        checkpointEvery != null ? checkpointEvery : s.checkpointEvery(), onNan != null ? onNan : s.onNan()));
  }
}
