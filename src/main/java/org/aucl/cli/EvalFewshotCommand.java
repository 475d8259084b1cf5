package org.aucl.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.aucl.RunCheckpoint;
import org.aucl.RunFeatures;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.eval.FewShot;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aucl eval fewshot RUN_DIR}: N-way K-shot episodes on the test split. */
@Command(
    name = "fewshot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Few-shot episodes drawn from the test split (support and queries disjoint), classified by nearest class "
          + "mean (cosine) and by logistic regression on the support; mean accuracy ± 1.96 standard errors over "
          + "episodes (docs/EVALUATION.md)."
    })
public final class EvalFewshotCommand implements Callable<Integer> {
  @Mixin VerboseOption verbose;

  @Mixin EvalTarget target;

  @Option(names = "--ways", description = "Classes per episode. Default: ${DEFAULT-VALUE}.")
  int ways = 5;

  @Option(names = "--shots", split = ",", description = "Support images per class, one run per value. Default: 1,5.")
  List<Integer> shots = List.of(1, 5);

  @Option(names = "--queries", description = "Query images per class. Default: ${DEFAULT-VALUE}.")
  int queries = 15;

  @Option(names = "--episodes", description = "Episodes per shot count. Default: ${DEFAULT-VALUE}.")
  int episodes = 600;

  @Option(names = "--seed", description = "Seed of the episodes. Default: ${DEFAULT-VALUE}.")
  long seed = 0;

  @Override
  public Integer call() {
    if (shots.isEmpty()) {
      throw new UserException("--shots needs at least one value, e.g. --shots 1,5.");
    }
    RunCheckpoint ckpt = target.checkpoint();
    try (RunFeatures rf = target.features(ckpt)) {
      Features test = rf.test(FeatureHead.ENCODER);
      System.out.println(target.describe(ckpt) + "; " + rf.splits().note() + "; episodes from the test split, seed "
          + seed);
      for (int k : shots) {
        FewShot.lines(FewShot.evaluate(test, ways, k, queries, episodes, seed)).forEach(System.out::println);
      }
    }
    return 0;
  }
}
