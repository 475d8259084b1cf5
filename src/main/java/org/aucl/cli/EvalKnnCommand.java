package org.aucl.cli;

import java.util.concurrent.Callable;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.EvalRunner;
import org.aucl.runeval.KnnEvaluation;
import org.aucl.runeval.RunFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aucl eval knn RUN_DIR}: the weighted kNN of a run's checkpoint, with any k or weighting. */
@Command(
    name = "knn",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Weighted kNN top-1/top-5 of a run's checkpoint on a dataset's test split (docs/EVALUATION.md).")
public final class EvalKnnCommand implements Callable<Integer>, Checked {
  @Mixin VerboseOption verbose;

  @Mixin EvalTarget target;

  @Option(names = "--knn-k", description = "Neighbours (default: the run's).")
  Integer knnK;

  @Option(names = "--knn-temperature", description = "0: votes weighted by similarity; t > 0: by exp(sim / t) (default: the run's).")
  Double knnTemperature;

  @Option(names = "--knn-weights", paramLabel = "W",
      description = "Votes weighted by similarity or shifted-cosine, (1 + sim) / 2, when the temperature is 0 (default: the run's).")
  String knnWeights;

  @Option(names = "--knn-bank", description = "Bank size, 0 = the whole training split (default: the run's).")
  Integer knnBank;

  private RunCheckpoint ckpt;
  private KnnEvaluation knn;

  @Override
  public void check() {
    ckpt = target.checkpoint();
    knn = UserInput.check(() -> KnnEvaluation.forRun(ckpt.config(), knnK, knnTemperature, knnWeights, knnBank));
    target.splits(ckpt);
  }

  @Override
  public Integer call() {
    if (ckpt == null) {
      check();
    }
    try (RunFeatures rf = target.features(ckpt)) {
      EvalRunner.Ran ran = target.runner(ckpt, rf).run(knn);
      System.out.println(target.describe(ckpt) + "; " + rf.splits().note());
      ran.lines().forEach(System.out::println);
    }
    return 0;
  }
}
