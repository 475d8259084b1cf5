package org.aucl.spec;

import org.aucl.eval.KnnClassifier;
import org.aucl.eval.KnnWeighting;

/**
 * The weighted kNN monitor (docs/PRETRAINING.md).
 *
 * @param knnK neighbours
 * @param knnEvery run the monitor every this many epochs (and after the last); 0 turns it off
 * @param knnTemperature 0 weighs votes by similarity, else by exp(sim / t)
 * @param knnBank 0 uses the whole training split as the bank, else a class-balanced subset
 * @param knnWeights how votes are weighted when the temperature is 0: {@code similarity} (ours) or
 *     {@code shifted-cosine}, (1 + sim) / 2 (the authors'); {@link KnnWeighting}
 * @param split the images the monitor classifies: {@code test} (the test split; null in runs made
 *     before the option) or {@code val} (the validation images held out of the training split, {@link
 *     DataSpec#validation}), for choosing anything on a run's figures without looking at the test split
 */
public record Monitor(int knnK, int knnEvery, double knnTemperature, int knnBank, String knnWeights, String split) {
  public static final String TEST = "test";
  public static final String VAL = "val";

  public static final int DEFAULT_K = 200;
  /** Every second epoch and after the last: each costs a fifth of an epoch on the default job. */
  public static final int DEFAULT_EVERY = 2;

  public Monitor {
    if (knnWeights == null) {
      knnWeights = KnnWeighting.SIMILARITY.toString(); // config.json of runs made before the option
    }
    knnWeights = KnnWeighting.parse(knnWeights).toString();
    split = split == null ? TEST : split;
    if (!split.equals(TEST) && !split.equals(VAL)) {
      throw new IllegalArgumentException("--monitor-split must be test or val, got '" + split + "'.");
    }
    if (knnTemperature > 0 && !knnWeights.equals(KnnWeighting.SIMILARITY.toString())) {
      throw new IllegalArgumentException("--knn-weights " + knnWeights
          + " cannot be combined with --knn-temperature " + knnTemperature + ", which weighs votes by exp(sim / t).");
    }
    if (knnK < 1) {
      throw new IllegalArgumentException("--knn-k must be at least 1, got " + knnK + ".");
    }
    if (knnEvery < 0 || knnBank < 0 || !(knnTemperature >= 0) || Double.isInfinite(knnTemperature)) {
      throw new IllegalArgumentException("--knn-every, --knn-bank and --knn-temperature must be finite and >= 0.");
    }
  }

  /** The default job's: k = 200, votes weighted by similarity, after epochs 2, 4 and 5. */
  public static Monitor defaults() {
    return new Monitor(DEFAULT_K, DEFAULT_EVERY, 0, 0, KnnWeighting.SIMILARITY.toString(), TEST);
  }

  /** The classifier these settings describe. */
  public KnnClassifier classifier() {
    return new KnnClassifier(knnK, knnTemperature, KnnWeighting.parse(knnWeights));
  }

  /** True when the monitor runs after {@code epoch} of a run of {@code lastEpoch} epochs. */
  public boolean due(int epoch, int lastEpoch) {
    return knnEvery > 0 && (epoch % knnEvery == 0 || epoch == lastEpoch);
  }

  public Monitor withK(int k) {
    return new Monitor(k, knnEvery, knnTemperature, knnBank, knnWeights, split);
  }

  public Monitor withEvery(int every) {
    return new Monitor(knnK, every, knnTemperature, knnBank, knnWeights, split);
  }

  public Monitor withTemperature(double t) {
    return new Monitor(knnK, knnEvery, t, knnBank, knnWeights, split);
  }

  public Monitor withBank(int bank) {
    return new Monitor(knnK, knnEvery, knnTemperature, bank, knnWeights, split);
  }

  public Monitor withWeights(String w) {
    return new Monitor(knnK, knnEvery, knnTemperature, knnBank, w, split);
  }

  public Monitor withSplit(String s) {
    return new Monitor(knnK, knnEvery, knnTemperature, knnBank, knnWeights, s);
  }
}
