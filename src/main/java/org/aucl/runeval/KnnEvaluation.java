package org.aucl.runeval;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.data.SubsetDataset;
import org.aucl.data.Subsets;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.eval.KnnClassifier;
import org.aucl.eval.KnnResult;
import org.aucl.eval.KnnWeighting;
import org.aucl.spec.RunSpec;

/**
 * Weighted kNN of the test split against the training split (or the monitor's class-balanced subset of
 * {@code bank} images of it, drawn with the run's seed + 1).
 *
 * @param temperature 0: votes weighted as {@code weights} says; t > 0: by exp(sim / t)
 * @param weights the weighting when the temperature is 0 (similarity or shifted cosine)
 * @param bank 0: the whole training split
 * @param runSeed the run's seed, from which the monitor drew its bank
 */
public record KnnEvaluation(int k, double temperature, KnnWeighting weights, int bank, long runSeed) implements Evaluation {
  public KnnEvaluation {
    if (k < 1) {
      throw new IllegalArgumentException("--knn-k must be at least 1, got " + k + ".");
    }
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("--knn-temperature must be finite and at least 0, got " + temperature + ".");
    }
    if (bank < 0) {
      throw new IllegalArgumentException("--knn-bank must be at least 0 (0: the whole training split), got " + bank + ".");
    }
    if (temperature > 0 && weights != KnnWeighting.SIMILARITY) {
      throw new IllegalArgumentException("--knn-weights " + weights + " cannot be combined with --knn-temperature "
          + temperature + " (a temperature weights votes by exp(sim / t)).");
    }
  }

  /**
   * The run's monitor settings, each replaced where a value is given. A temperature given without a
   * weighting replaces the run's weighting.
   */
  public static KnnEvaluation forRun(RunSpec cfg, Integer k, Double temperature, String weights, Integer bank) {
    org.aucl.spec.Monitor m = cfg.monitor();
    double t = temperature != null ? temperature : m.knnTemperature();
    String w = weights != null ? weights
        : temperature != null && t > 0 ? KnnWeighting.SIMILARITY.toString() : m.knnWeights();
    return new KnnEvaluation(
        k != null ? k : m.knnK(), t, KnnWeighting.parse(w), bank != null ? bank : m.knnBank(), cfg.seed());
  }

  @Override
  public String name() {
    return "knn";
  }

  @Override
  public String title() {
    return "kNN";
  }

  @Override
  public String settings() {
    return "k=" + k + ", " + votes() + " votes, bank " + (bank > 0 ? bank + " (seed " + (runSeed + 1) + ")" : "all");
  }

  @Override
  public List<String> options() {
    return List.of("--knn-k", String.valueOf(k), "--knn-temperature", String.valueOf(temperature), "--knn-weights",
        weights.toString(), "--knn-bank", String.valueOf(bank));
  }

  @Override
  public Outcome run(RunFeatures rf) {
    Features train = rf.train(FeatureHead.ENCODER);
    Features test = rf.test(FeatureHead.ENCODER);
    Features bankRows = train;
    if (bank > 0 && bank < train.n()) {
      // the monitor's bank: the same class-balanced subset (seed + 1) of the training split
      SubsetDataset sub = (SubsetDataset) Subsets.balanced(rf.splits().train(), bank, runSeed + 1);
      int[] rows = new int[sub.size()];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = sub.sourceIndex(i);
      }
      bankRows = train.select(rows);
    }
    KnnResult r;
    try (NDManager manager = NDManager.newBaseManager(rf.device())) {
      r = new KnnClassifier(k, temperature, weights).evaluate(manager, bankRows, test);
    }
    return outcome(r, bankRows.n());
  }

  /**
   * The outcome of a kNN classification with these settings over a bank of {@code bankSize} images (the
   * pretraining monitor's last one, which is this evaluation of checkpoints/last with the run's settings).
   */
  public Outcome outcome(KnnResult r, int bankSize) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    String top5 = Evaluation.putTopAccuracies(metrics, r.top1(), r.top5());
    String figure = String.format("top-1 %.2f%%%s", 100 * r.top1(), top5);
    String line = String.format("kNN k=%d, %s votes, bank %d: %s", r.k(), votes(), bankSize, figure);
    return new Outcome(metrics, figure, List.of(line));
  }

  private String votes() {
    return temperature > 0 ? "exp(sim/" + temperature + ")" : weights.toString();
  }
}
