package org.aucl.cli;

import ai.djl.Device;
import java.nio.file.Path;
import org.aucl.data.DatasetOptions;
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

  @Mixin CheckpointOption checkpoint;

  @Option(
      names = "--dataset",
      description =
          "Use this dataset instead of the run's: a name, a folder of images (of class folders, or of train/ and "
              + "test/ sub-folders), or a file (converted to the run's channels and image size).")
  String dataset;

  @Mixin FolderReadOptions folders;

  @Mixin DataDirOption dataDir;

  @Mixin DeviceOption device;

  RunCheckpoint checkpoint() {
    return checkpoint.open(runDir);
  }

  EvalSplits splits(RunCheckpoint ckpt) {
    return RunFeatures.splitsFor(ckpt, dataset, dataDir.given(), readOptions(ckpt));
  }

  /** The dataset evaluated: {@code --dataset}, or the run's own. */
  String datasetName(RunCheckpoint ckpt) {
    return dataset != null ? dataset : ckpt.config().data().dataset();
  }

  /** {@code --data-dir}, or the run's. */
  Path dataDir(RunCheckpoint ckpt) {
    return dataDir.given() != null ? dataDir.given() : Path.of(ckpt.config().data().dataDir());
  }

  /**
   * How image folders are read: as the run read its own dataset (or, for another, as by default), with
   * {@code --labels} and {@code --on-bad-image} where given.
   */
  DatasetOptions readOptions(RunCheckpoint ckpt) {
    return folders.applyTo(dataset == null ? ckpt.config().data().readOptions(0) : DatasetOptions.DEFAULTS);
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
