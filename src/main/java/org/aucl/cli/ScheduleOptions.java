package org.aucl.cli;

import org.aucl.spec.Schedule;
import picocli.CommandLine.Option;

/** {@code pretrain}'s schedule options; each is null unless given. */
public final class ScheduleOptions {
  @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: " + Schedule.DEFAULT_EPOCHS + ").")
  Integer epochs;

  @Option(names = "--batch-size", paramLabel = "B", description = "Images per batch, two views each (default: " + Schedule.DEFAULT_BATCH_SIZE + ").")
  Integer batchSize;

  @Option(names = "--warmup-epochs", paramLabel = "E", description = "Linear warm-up, in epochs (default: " + Schedule.DEFAULT_WARMUP_EPOCHS + ").")
  Double warmupEpochs;

  @Option(names = "--min-lr-ratio", paramLabel = "R", description = "The cosine decay ends at lr times this (default: " + Schedule.DEFAULT_FLOOR_LR_RATIO + ").")
  Double minLrRatio;

  Schedule applyTo(Schedule s) {
    return UserInput.check(() -> new Schedule(
        epochs != null ? epochs : s.epochs(),
        batchSize != null ? batchSize : s.batchSize(),
        warmupEpochs != null ? warmupEpochs : s.warmupEpochs(),
        minLrRatio != null ? minLrRatio : s.floorLrRatio()));
  }
}
