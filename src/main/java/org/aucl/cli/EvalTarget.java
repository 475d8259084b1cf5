package org.aucl.cli;

import ai.djl.Device;
import java.nio.file.Path;
import org.aucl.eval.EvalSplits;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.EvalRunner;
import org.aucl.runeval.RunFeatures;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every evaluation command reads: a run's checkpoint, a dataset (the run's own by default), a device. */
public final class EvalTarget {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory made by 'aucl pretrain'.")
  Path runDir;

  @Option(names = "--checkpoint", description = "last or best. Default: ${DEFAULT-VALUE}.")
  String checkpoint = "last";

  @Option(
      names = "--dataset",
      description =
          "Evaluate on this dataset instead of the run's: a name, a folder of class folders, or a folder with "
              + "train/ and test/ sub-folders (converted to the run's channels and image size).")
  String dataset;

  @Mixin DataDirOption dataDir;

  @Mixin DeviceOption device;

  RunCheckpoint checkpoint() {
    return RunCheckpoint.open(runDir, checkpoint);
  }

  EvalSplits splits(RunCheckpoint ckpt) {
    return RunFeatures.splitsFor(ckpt, dataset, dataDir.given());
  }

  /** The run's checkpoint and the dataset's splits, features cached under the run directory. */
  RunFeatures features(RunCheckpoint ckpt) {
    return new RunFeatures(ckpt, splits(ckpt), device());
  }

  /** Runs evaluations on {@code features} and records them in the run directory (for {@code report}). */
  EvalRunner runner(RunCheckpoint ckpt, RunFeatures features) {
    return new EvalRunner(ckpt, features, dataset);
  }

  Device device() {
    return device.resolve();
  }

  /** "RUN_DIR, checkpoint last (epoch 4)" for the first line of an evaluation's output. */
  String describe(RunCheckpoint ckpt) {
    return runDir + ", checkpoint " + ckpt.which() + " (epoch " + ckpt.state().epoch() + ")";
  }
}
