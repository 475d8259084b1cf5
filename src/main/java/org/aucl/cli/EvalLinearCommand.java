package org.aucl.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.LinearProbe;
import org.aucl.embedding.NpyFiles;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.EvalRunner;
import org.aucl.runeval.LinearEvaluation;
import org.aucl.runeval.RunFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aucl eval linear RUN_DIR}: the linear probe of a run's checkpoint. */
@Command(
    name = "linear",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Linear probe: one-vs-rest L2-regularised logistic regression (LIBLINEAR's objective) on frozen, standardised encoder "
          + "features; C chosen on a class-balanced 10% of the training split, refitted on all of it; "
          + "top-1/top-5 on the test split (docs/EVALUATION.md)."
    })
public final class EvalLinearCommand implements Callable<Integer>, Checked {
  @Mixin VerboseOption verbose;

  @Mixin EvalTarget target;

  @Option(names = "--seed", description = "Seed of the held-out split. Default: ${DEFAULT-VALUE}.")
  long seed = LinearEvaluation.DEFAULT_SEED;

  @Option(
      names = "--save-holdout",
      paramLabel = "FILE.npy",
      description = "Also write the held-out training rows (int64 NPY) that choose C, for bench/linear_sklearn.py.")
  Path saveHoldout;

  private RunCheckpoint ckpt;

  @Override
  public void check() {
    ckpt = target.checkpoint();
    target.splits(ckpt);
  }

  @Override
  public Integer call() {
    if (ckpt == null) {
      check();
    }
    try (RunFeatures rf = target.features(ckpt)) {
      EvalRunner.Ran ran = target.runner(ckpt, rf).run(new LinearEvaluation(seed));
      if (saveHoldout != null) {
        NpyFiles.writeLongs(saveHoldout, new LinearProbe(seed).split(rf.train(FeatureHead.ENCODER).labels()).heldOut());
      }
      System.out.println(target.describe(ckpt) + "; " + rf.splits().note());
      ran.lines().forEach(System.out::println);
    }
    return 0;
  }
}
