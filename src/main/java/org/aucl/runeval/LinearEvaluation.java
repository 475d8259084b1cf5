package org.aucl.runeval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.eval.LinearProbe;

/** The linear probe ({@link LinearProbe}): C chosen on a held-out part of the training split drawn with {@code seed}. */
public record LinearEvaluation(long seed) implements Evaluation {
  /** The held-out split's seed when none is given. */
  public static final long DEFAULT_SEED = 0;

  @Override
  public String name() {
    return "linear";
  }

  @Override
  public String title() {
    return "linear probe";
  }

  @Override
  public String settings() {
    return "C from " + LinearProbe.GRID + " on a held-out " + Math.round(100 * LinearProbe.HOLDOUT) + "% (seed " + seed
        + ")";
  }

  @Override
  public List<String> options() {
    return List.of("--seed", String.valueOf(seed));
  }

  @Override
  public Outcome run(RunFeatures rf) {
    long start = System.nanoTime();
    int extractedBefore = rf.extracted();
    Features train = rf.train(FeatureHead.ENCODER);
    Features test = rf.test(FeatureHead.ENCODER);
    double featureSeconds = (System.nanoTime() - start) / 1e9;
    int extracted = rf.extracted() - extractedBefore;
    long fitStart = System.nanoTime();
    LinearProbe.Result r = new LinearProbe(seed).evaluate(train, test);
    double fitSeconds = (System.nanoTime() - fitStart) / 1e9;

    StringBuilder grid = new StringBuilder();
    for (Map.Entry<Double, Double> e : r.heldOutTop1().entrySet()) {
      grid.append(String.format(" C=%s: %.2f%%", e.getKey(), 100 * e.getValue()));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    String top5 = Evaluation.putTopAccuracies(metrics, r.top1(), r.top5());
    metrics.put("c", r.c());
    metrics.put("fitSeconds", fitSeconds);
    String figure = String.format("top-1 %.2f%%%s (C = %s)", 100 * r.top1(), top5, r.c());
    return new Outcome(metrics, figure, List.of(
        "held-out top-1 by C:" + grid,
        String.format("linear probe (C=%s, %d training images, %d test images, %d x %d features): top-1 %.2f%%%s",
            r.c(), r.trainSize(), r.testSize(), train.n(), train.dim(), 100 * r.top1(), top5),
        String.format("features %.1f s (%s), fit %.1f s",
            featureSeconds, extracted == 0 ? "from the cache" : extracted + " split(s) extracted", fitSeconds)));
  }
}
