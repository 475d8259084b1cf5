package org.aucl.study;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.aucl.augment.Seeds;

/**
 * The bias of the mini-batch gradient on real images (docs/RESULTS.md, "The mini-batch gradient's bias
 * on real images"). On a fixed pool of N images with fixed views and a fixed network (BatchNorm in
 * evaluation mode), for each loss and batch size B: the full-pool gradient g_full (the loss on all N
 * pairs as one batch), and R independent estimates of E[g_B], each the mean of the gradients of D
 * random mini-batches of B pairs; reported are the cosine of each estimate with g_full and
 * ||estimate - g_full|| / ||g_full||, as a mean over the R repetitions with a 95% t-interval.
 *
 * <p>A mini-batch is a slice of a seeded permutation of the pool (a new permutation when fewer than B
 * images are left), as a training epoch draws them; the draws depend on (seed, B, repetition) only,
 * so every loss sees the same batches. Since the network is a fixed function of each view, the mean of D mini-batch
 * gradients is the gradient of the mean of their dL/dz: the D losses are taken on cached projections and
 * one chunked backward pass ({@link ChunkedGradient}) per repetition gives the estimate.
 *
 * <p>An estimate from finitely many draws differs from E[g_B] by noise that shrinks as 1 / sqrt(RD); the
 * bias itself does not shrink. {@link Row#relativeBias()} removes the noise's expected share from the
 * mean of all R D draws: ||mean - g_full||^2 - s^2 / R, where s^2 is the spread of the repetitions.
 */
public final class GradientBiasStudy {
  public static final int MAX_DRAWS = 1_000_000;
  public static final int MAX_REPEATS = 1000;

  private GradientBiasStudy() {}

  /**
   * @param batchSizes the mini-batch sizes B, each between 2 and the pool's size
   * @param draws D, mini-batches averaged by one repetition
   * @param repeats R, independent repetitions (at least 2, for an interval)
   * @param seed seed of the draws
   */
  public record Settings(List<Integer> batchSizes, int draws, int repeats, long seed) {
    public Settings {
      batchSizes = List.copyOf(batchSizes);
      if (batchSizes.isEmpty()) {
        throw new IllegalArgumentException("The gradient study needs at least one batch size.");
      }
      if (draws < 1 || draws > MAX_DRAWS) {
        throw new IllegalArgumentException("--draws must be between 1 and " + MAX_DRAWS + ", got " + draws + ".");
      }
      if (repeats < 2 || repeats > MAX_REPEATS) {
        throw new IllegalArgumentException("--repeats must be between 2 and " + MAX_REPEATS + " (an interval needs two), got "
            + repeats + ".");
      }
    }

    /** Refuses a batch size that the pool cannot fill. */
    public void requirePool(int pool) {
      for (int b : batchSizes) {
        if (b < 2 || b > pool) {
          throw new IllegalArgumentException("Batch size " + b + " must lie between 2 and the pool size " + pool + ".");
        }
      }
    }
  }

  /** A loss by name, with a sentence on what it holds fixed. */
  public record NamedLoss(String name, String describe, PairLoss loss) {}

  /**
   * One line of the table.
   *
   * @param cosine mean over the repetitions of cos(estimate, g_full) and its 95% half-width
   * @param relativeDifference mean of ||estimate - g_full|| / ||g_full|| and its 95% half-width
   * @param relativeBias ||E[g_B] - g_full|| / ||g_full|| estimated from all R D draws with the noise's
   *     expected share removed (0 when the noise explains all of it)
   * @param pooledCosine cos(mean of all R D draws' gradients, g_full)
   */
  public record Row(String loss, int batchSize, int draws, int repeats, double[] cosine, double[] relativeDifference,
      double relativeBias, double pooledCosine, double fullLoss, double meanBatchLoss) {}

  /** Runs the study on {@code grad}'s pool for each loss; {@code log} hears of each row as it is done. */
  public static List<Row> run(ChunkedGradient grad, int pool, List<NamedLoss> losses, Settings s, NDManager manager,
      Consumer<String> log) {
    s.requirePool(pool);
    float[] z = grad.projections();
    int d = grad.dim();
    EmbeddingGradient eg = new EmbeddingGradient(manager, z, pool, d);
    int[] all = new int[pool];
    for (int i = 0; i < pool; i++) {
      all[i] = i;
    }
    List<Row> rows = new ArrayList<>();
    for (NamedLoss loss : losses) {
      double[] cFull = new double[2 * pool * d];
      double fullLoss = eg.accumulate(loss.loss(), all, 1.0, cFull);
      double[] gFull = grad.backward(cFull);
      double fullNorm = Math.sqrt(dot(gFull, gFull));
      if (!(fullNorm > 0)) {
        throw new IllegalStateException(loss.name() + ": the full-pool gradient is zero or not finite (" + fullNorm + ").");
      }
      for (int b : s.batchSizes()) {
        double[] cos = new double[s.repeats()];
        double[] rel = new double[s.repeats()];
        double[] sum = new double[gFull.length];
        double sumSq = 0;
        double lossSum = 0;
        for (int r = 0; r < s.repeats(); r++) {
          Draws draws = new Draws(pool, b, Seeds.random(s.seed(), b, r)); // repetitions independent
          double[] c = new double[2 * pool * d];
          for (int t = 0; t < s.draws(); t++) {
            lossSum += eg.accumulate(loss.loss(), draws.next(), 1.0 / s.draws(), c);
          }
          double[] g = grad.backward(c);
          cos[r] = dot(g, gFull) / (Math.sqrt(dot(g, g)) * fullNorm);
          rel[r] = distance(g, gFull) / fullNorm;
          for (int i = 0; i < g.length; i++) {
            sum[i] += g[i];
          }
          sumSq += dot(g, g);
        }
        int n = s.repeats();
        for (int i = 0; i < sum.length; i++) {
          sum[i] /= n;
        }
        double spread = Math.max(0, (sumSq - n * dot(sum, sum)) / (n - 1)); // sum of the coordinates' variances
        double bias2 = Math.pow(distance(sum, gFull), 2) - spread / n;
        Row row = new Row(loss.name(), b, s.draws(), n, StudentT.interval(cos), StudentT.interval(rel),
            Math.sqrt(Math.max(0, bias2)) / fullNorm, dot(sum, gFull) / (Math.sqrt(dot(sum, sum)) * fullNorm),
            fullLoss, lossSum / ((double) n * s.draws()));
        rows.add(row);
        log.accept(String.format("%s B = %d: cosine %.5f ± %.5f", loss.name(), b, row.cosine()[0], row.cosine()[1]));
      }
    }
    return rows;
  }

  /** Mini-batches as consecutive slices of seeded permutations of the pool. */
  static final class Draws {
    private final int[] perm;
    private final int batch;
    private final SplittableRandom rng;
    private int at;

    Draws(int pool, int batch, SplittableRandom rng) {
      this.perm = new int[pool];
      for (int i = 0; i < pool; i++) {
        perm[i] = i;
      }
      this.batch = batch;
      this.rng = rng;
      this.at = pool; // shuffle before the first batch
    }

    int[] next() {
      if (at + batch > perm.length) {
        for (int i = perm.length - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int tmp = perm[i];
          perm[i] = perm[j];
          perm[j] = tmp;
        }
        at = 0;
      }
      int[] idx = java.util.Arrays.copyOfRange(perm, at, at + batch);
      at += batch;
      return idx;
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double x = a[i] - b[i];
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
