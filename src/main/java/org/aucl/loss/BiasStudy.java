package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bias of mini-batch loss estimates (docs/LOSSES.md, "Why AUC-CL is batch-size robust"): a fixed
 * pool of N positive pairs, each loss on the whole pool (one batch of N pairs) against the mean of the same loss over random mini-batches
 * of B pairs drawn without replacement. AUC-CL's terms are means over pairs, so its mini-batch value is
 * unbiased; InfoNCE puts a sum over negatives inside a logarithm, so its value depends on B.
 *
 * <p>The pool: z1 uniform on the unit sphere of dimension d, z2 = normalise(z1 + noise * g / sqrt(d))
 * with g standard normal, so partners are correlated (cosine about 1 / sqrt(1 + noise^2)).
 */
public final class BiasStudy {
  private BiasStudy() {}

  /**
   * @param objectives the objectives' configurations, one row group each
   * @param pool N, the number of pairs in the pool
   * @param batchSizes the mini-batch sizes B (each at least 2 and at most N)
   * @param trials mini-batches drawn per size
   * @param seed seed of the pool and of the draws
   * @param dim d, the embedding dimension
   * @param noise the partners' noise level
   */
  /** The largest pool: the full-pool value compares every pair of it. */
  public static final int MAX_POOL = 65536;
  public static final int MAX_TRIALS = 1_000_000;
  public static final int MAX_DIM = 4096;

  public record Settings(List<ObjectiveConfig> objectives, int pool, List<Integer> batchSizes, int trials,
      long seed, int dim, double noise) {
    public Settings {
      objectives = List.copyOf(objectives);
      batchSizes = List.copyOf(batchSizes);
      if (objectives.isEmpty()) {
        throw new IllegalArgumentException("The bias study needs at least one loss.");
      }
      if (pool < 2 || pool > MAX_POOL) {
        throw new IllegalArgumentException("The pool needs between 2 and " + MAX_POOL + " pairs, got " + pool + ".");
      }
      if (trials < 2 || trials > MAX_TRIALS) {
        throw new IllegalArgumentException("The bias study needs between 2 and " + MAX_TRIALS + " trials per batch size, got "
            + trials + ".");
      }
      if (dim < 1 || dim > MAX_DIM) {
        throw new IllegalArgumentException("The embedding dimension must be between 1 and " + MAX_DIM + ", got " + dim + ".");
      }
      if (!(noise >= 0) || !Double.isFinite(noise)) {
        throw new IllegalArgumentException("The noise level must be a finite number of at least 0, got " + noise + ".");
      }
      for (int b : batchSizes) {
        if (b < 2 || b > pool) {
          throw new IllegalArgumentException("Batch size " + b + " must lie between 2 and the pool size " + pool + ".");
        }
      }
    }
  }

  /**
   * One line of the table.
   *
   * @param fullPool the loss on the whole pool
   * @param meanMiniBatch the mean over the trials of the mini-batch loss
   * @param standardError the standard error of that mean
   */
  public record Row(String loss, int batchSize, double fullPool, double meanMiniBatch, double standardError) {
    public double bias() {
      return meanMiniBatch - fullPool;
    }

    public double relativeBias() {
      return bias() / Math.abs(fullPool);
    }

    public double relativeStandardError() {
      return standardError / Math.abs(fullPool);
    }

    /** |bias| / standard error: below 3 means indistinguishable from zero. */
    public double zScore() {
      return Math.abs(bias()) / standardError;
    }
  }

  /** The AUC-CL settings the study uses: the default preset with alpha fixed at 1, so every term counts. */
  public static AucClSettings studyAucSettings() {
    AucClSettings d = AucClSettings.defaults();
    return d.toBuilder().optA(d.a(), false).optB(d.b(), false).optAlpha(1.0, false, 0).build();
  }

  public static List<Row> run(Settings s) {
    Random rng = new Random(s.seed());
    float[][] z1 = new float[s.pool()][];
    float[][] z2 = new float[s.pool()][];
    for (int i = 0; i < s.pool(); i++) {
      double[] a = unit(gaussian(rng, s.dim()));
      double[] g = gaussian(rng, s.dim());
      double[] b = new double[s.dim()];
      for (int j = 0; j < s.dim(); j++) {
        b[j] = a[j] + s.noise() * g[j] / Math.sqrt(s.dim());
      }
      z1[i] = toFloat(a);
      z2[i] = toFloat(unit(b));
    }
    List<Row> rows = new ArrayList<>();
    try (NDManager base = NDManager.newBaseManager()) {
      for (ObjectiveConfig config : s.objectives()) {
        try (NDManager state = base.newSubManager(); ContrastiveObjective o = Objectives.create(config)) {
          o.initialize(state, s.pool());
          int[] all = new int[s.pool()];
          for (int i = 0; i < all.length; i++) {
            all[i] = i;
          }
          double full = value(o, state, z1, z2, all);
          int[] perm = all.clone();
          for (int b : s.batchSizes()) {
            double sum = 0;
            double sumSq = 0;
            for (int t = 0; t < s.trials(); t++) {
              int[] idx = draw(rng, perm, b);
              double v = value(o, state, z1, z2, idx);
              sum += v;
              sumSq += v * v;
            }
            double mean = sum / s.trials();
            double var = Math.max(0, (sumSq - s.trials() * mean * mean) / (s.trials() - 1));
            rows.add(new Row(o.name(), b, full, mean, Math.sqrt(var / s.trials())));
          }
        }
      }
    }
    return rows;
  }

  /** The loss of the pairs {@code idx} as one batch, in a step manager closed here; no gradient. */
  private static double value(ContrastiveObjective o, NDManager parent, float[][] z1, float[][] z2, int[] idx) {
    int d = z1[0].length;
    float[] f1 = new float[idx.length * d];
    float[] f2 = new float[idx.length * d];
    long[] indices = new long[idx.length];
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(z1[idx[i]], 0, f1, i * d, d);
      System.arraycopy(z2[idx[i]], 0, f2, i * d, d);
      indices[i] = idx[i];
    }
    try (NDManager step = parent.newSubManager()) {
      NDArray a = step.create(f1, new Shape(idx.length, d));
      NDArray b = step.create(f2, new Shape(idx.length, d));
      return o.forward(a, b, step.create(indices)).loss().toType(DataType.FLOAT64, false).getDouble();
    }
  }

  /** The first {@code b} entries of a partial Fisher-Yates shuffle of {@code perm}: b distinct pairs. */
  private static int[] draw(Random rng, int[] perm, int b) {
    for (int i = 0; i < b; i++) {
      int j = i + rng.nextInt(perm.length - i);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    return java.util.Arrays.copyOf(perm, b);
  }

  private static double[] gaussian(Random rng, int d) {
    double[] v = new double[d];
    for (int i = 0; i < d; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }

  private static double[] unit(double[] v) {
    double n = 0;
    for (double x : v) {
      n += x * x;
    }
    n = Math.max(Math.sqrt(n), 1e-12);
    for (int i = 0; i < v.length; i++) {
      v[i] /= n;
    }
    return v;
  }

  private static float[] toFloat(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }
}
