package org.aucl.runeval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.FewShot;

/** N-way K-shot episodes from the test split ({@link FewShot}), for one value of K. */
public record FewShotEvaluation(int ways, int shots, int queries, int episodes, long seed) implements Evaluation {
  public static final int DEFAULT_WAYS = 5;
  public static final List<Integer> DEFAULT_SHOTS = List.of(1, 5);
  public static final int DEFAULT_QUERIES = 15;
  public static final int DEFAULT_EPISODES = 600;
  public static final long DEFAULT_SEED = 0;

  /** The standard setting for {@code shots}. */
  public static FewShotEvaluation standard(int shots) {
    return new FewShotEvaluation(DEFAULT_WAYS, shots, DEFAULT_QUERIES, DEFAULT_EPISODES, DEFAULT_SEED);
  }

  @Override
  public String name() {
    return "fewshot";
  }

  @Override
  public String title() {
    return "few-shot " + ways + "-way " + shots + "-shot";
  }

  @Override
  public String settings() {
    return ways + "-way " + shots + "-shot, " + queries + " queries, " + episodes + " episodes, seed " + seed;
  }

  @Override
  public List<String> options() {
    return List.of("--ways", String.valueOf(ways), "--shots", String.valueOf(shots), "--queries",
        String.valueOf(queries), "--episodes", String.valueOf(episodes), "--seed", String.valueOf(seed));
  }

  @Override
  public Outcome run(RunFeatures rf) {
    FewShot.Result r = FewShot.evaluate(rf.test(FeatureHead.ENCODER), ways, shots, queries, episodes, seed);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("nearestMean", r.nearestMean().mean());
    metrics.put("nearestMeanHalfWidth", r.nearestMean().halfWidth());
    metrics.put("logistic", r.logistic().mean());
    metrics.put("logisticHalfWidth", r.logistic().halfWidth());
    String figure = "nearest class mean " + r.nearestMean().percent() + "%, logistic regression "
        + r.logistic().percent() + "%";
    return new Outcome(metrics, figure, FewShot.lines(r));
  }
}
