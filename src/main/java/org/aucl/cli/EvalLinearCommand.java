package org.aucl.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aucl.RunCheckpoint;
import org.aucl.RunFeatures;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.LinearProbe;
import org.aucl.eval.NpyWriter;
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
public final class EvalLinearCommand implements Callable<Integer> {
  @Mixin VerboseOption verbose;

  @Mixin EvalTarget target;

  @Option(names = "--seed", description = "Seed of the held-out split. Default: ${DEFAULT-VALUE}.")
  long seed = 0;

  @Option(
      names = "--save-holdout",
      paramLabel = "FILE.npy",
      description = "Also write the held-out training rows (int64 NPY) that choose C, for bench/linear_sklearn.py.")
  Path saveHoldout;

  @Override
  public Integer call() {
    RunCheckpoint ckpt = target.checkpoint();
    long start = System.nanoTime();
    try (RunFeatures rf = target.features(ckpt)) {
      var train = rf.train(FeatureHead.ENCODER);
      var test = rf.test(FeatureHead.ENCODER);
      double featureSeconds = (System.nanoTime() - start) / 1e9;
      long fitStart = System.nanoTime();
      LinearProbe probe = new LinearProbe(seed);
      if (saveHoldout != null) {
        NpyWriter.writeLongs(saveHoldout, probe.split(train.labels()).heldOut());
      }
      LinearProbe.Result r = probe.evaluate(train, test);
      double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
      System.out.println(target.describe(ckpt) + "; " + rf.splits().note());
      StringBuilder grid = new StringBuilder();
      for (Map.Entry<Double, Double> e : r.heldOutTop1().entrySet()) {
        grid.append(String.format(" C=%s: %.2f%%", e.getKey(), 100 * e.getValue()));
      }
      System.out.println("held-out top-1 by C:" + grid);
      System.out.printf(
          "linear probe (C=%s, %d training images, %d test images, %d x %d features): top-1 %.2f%%%s%n",
          r.c(), r.trainSize(), r.testSize(), train.n(), train.dim(), 100 * r.top1(),
          Double.isNaN(r.top5()) ? "" : String.format(", top-5 %.2f%%", 100 * r.top5()));
      System.out.printf(
          "features %.1f s (%s), fit %.1f s%n",
          featureSeconds, rf.extracted() == 0 ? "from the cache" : rf.extracted() + " split(s) extracted", fitSeconds);
    }
    return 0;
  }
}
