package org.aucl.spec;

/**
 * How a run protects itself (docs/RELIABILITY.md).
 *
 * @param checkpointEvery a checkpoint inside an epoch every N steps ("500"), minutes ("10m") or
 *     seconds ("90s"), besides every epoch's end; "0" for epoch ends only
 * @param onNan a step whose loss or gradient is not finite: "stop" the run (exit code 3, the last
 *     checkpoint kept) or "skip" the step (counted in metrics.jsonl)
 */
public record Safety(String checkpointEvery, String onNan) {
  public static final String DEFAULT_CHECKPOINT_EVERY = "10m";
  public static final String DEFAULT_ON_NAN = "stop";
  public static final Safety DEFAULT = new Safety(DEFAULT_CHECKPOINT_EVERY, DEFAULT_ON_NAN);

  public Safety {
    CheckpointInterval.parse(checkpointEvery);
    if (!"stop".equals(onNan) && !"skip".equals(onNan)) {
      throw new IllegalArgumentException("--on-nan must be stop or skip, got '" + onNan + "'.");
    }
  }

  public CheckpointInterval interval() {
    return CheckpointInterval.parse(checkpointEvery);
  }

  public Safety withCheckpointEvery(String every) {
    return new Safety(every, onNan);
  }

  public Safety withOnNan(String what) {
    return new Safety(checkpointEvery, what);
  }
}
