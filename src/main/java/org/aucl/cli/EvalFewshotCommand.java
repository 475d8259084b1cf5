package org.aucl.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.aucl.eval.FewShotEpisodes;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.EvalRunner;
import org.aucl.runeval.FewShotEvaluation;
import org.aucl.runeval.RunFeatures;
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
public final class EvalFewshotCommand implements Callable<Integer>, Checked {
  @Mixin VerboseOption verbose;

  @Mixin EvalTarget target;

  @Option(names = "--ways", description = "Classes per episode. Default: ${DEFAULT-VALUE}.")
  int ways = FewShotEvaluation.DEFAULT_WAYS;

  @Option(names = "--shots", split = ",", description = "Support images per class, one run per value. Default: 1,5.")
  List<Integer> shots = FewShotEvaluation.DEFAULT_SHOTS;

  @Option(names = "--queries", description = "Query images per class. Default: ${DEFAULT-VALUE}.")
  int queries = FewShotEvaluation.DEFAULT_QUERIES;

  @Option(names = "--episodes", description = "Episodes per shot count. Default: ${DEFAULT-VALUE}.")
  int episodes = FewShotEvaluation.DEFAULT_EPISODES;

  @Option(names = "--seed", description = "Seed of the episodes. Default: ${DEFAULT-VALUE}.")
  long seed = FewShotEvaluation.DEFAULT_SEED;

  /** More episodes than this give no more digits of the interval. */
  static final int MAX_EPISODES = 1_000_000;

  private RunCheckpoint ckpt;

  @Override
  public void check() {
    if (shots.isEmpty()) {
      throw new UserException("--shots needs at least one value, e.g. --shots 1,5.");
    }
    if (ways < 2 || queries < 1 || episodes < 1 || episodes > MAX_EPISODES || shots.stream().anyMatch(s -> s < 1)) {
      throw new UserException("--ways must be at least 2, --shots and --queries at least 1, and --episodes between 1 and "
          + MAX_EPISODES + "; got " + ways + ", " + shots + ", " + queries + " and " + episodes + ".");
    }
    ckpt = target.checkpoint();
    int largest = shots.stream().mapToInt(Integer::intValue).max().orElseThrow();
    FewShotEpisodes.requireFeasible(target.splits(ckpt).test(), ways, largest, queries);
  }

  @Override
  public Integer call() {
    if (ckpt == null) {
      check();
    }
    try (RunFeatures rf = target.features(ckpt)) {
      EvalRunner runner = target.runner(ckpt, rf);
      for (int i = 0; i < shots.size(); i++) {
        EvalRunner.Ran ran = runner.run(new FewShotEvaluation(ways, shots.get(i), queries, episodes, seed));
        if (i == 0) {
          System.out.println(target.describe(ckpt) + "; " + rf.splits().note() + "; episodes from the test split, seed "
              + seed);
        }
        ran.lines().forEach(System.out::println);
      }
    }
    return 0;
  }
}
