package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * SogCLR, the global contrastive loss with a moving-average estimator (Yuan et al. 2022), as LibAUC's
 * {@code GCLoss_v1} (unimodal, version 1) computes it; the formulas are in docs/LOSSES.md, "SogCLR".
 *
 * <p>Per training image i it keeps one estimate {@code u_i} of the mean exponentiated negative
 * similarity. In a step, each view v of image i gets its own estimate
 * {@code u_vi = (1 - gamma') u_i + gamma' g_vi}, with {@code g_vi} the mean of
 * {@code exp(z_vi.z_l / tau)} over the anchor's 2B - 2 negatives; {@code gamma' = 1} when no image of
 * the batch has an estimate yet, else gamma. The loss is
 *
 * <pre>
 * L = (1 / B) sum_i sum_v [ -z_vi.z_partner + mean_l w_vil z_vi.z_l ],   w_vil = exp(z_vi.z_l / tau) / max(u_vi, eps)
 * </pre>
 *
 * with the weights detached, so its gradient weights each negative by {@code exp(z.z'/tau) / u_vi}; no
 * 1/tau factor, both views summed (LibAUC's scale). After the step, {@code u_i <- (u_1i + u_2i) / 2}.
 *
 * <p>Who updates what: u is never differentiated; {@link #forward} computes the batch's new estimates
 * from detached scores and {@link #afterStep()} commits them. No variable for the optimiser.
 */
public final class SogClrObjective implements ContrastiveObjective {
  public static final String NAME = "sogclr";
  /** The floor of a view's estimate in the weights (LibAUC's eps). */
  static final double U_EPS = 1e-8;
  /** Version of the saved state: 2 holds u on the formula's scale (1 held it scaled by exp(-1/tau)). */
  static final int STATE_VERSION = 2;

  private final double temperature;
  private final double gamma;
  private double[] u = new double[0];
  private BitSet seen = new BitSet();
  private long[] pendingIndices;
  private double[] pendingU;

  /** Both arguments as checked by {@link ObjectiveConfig}, which owns their bounds. */
  SogClrObjective(double temperature, double gamma) {
    this.temperature = temperature;
    this.gamma = gamma;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Sizes u to the dataset: one entry per training image, none estimated yet. */
  @Override
  public void initialize(NDManager manager, int datasetSize) {
    if (datasetSize < 1) {
      throw new IllegalArgumentException("SogCLR needs the training set's size (at least 1), got " + datasetSize + ".");
    }
    u = new double[datasetSize];
    seen = new BitSet(datasetSize);
  }

  /**
   * @param z1 B x d, view 1
   * @param z2 B x d, view 2
   * @param indices int64, shape B: the images' dataset indices (required)
   */
  @Override
  public ObjectiveOutput forward(NDArray z1, NDArray z2, NDArray indices) {
    if (indices == null) {
      throw new IllegalArgumentException("SogCLR needs each image's dataset index.");
    }
    PairScores ps = PairScores.of(z1, z2);
    int batch = ps.batch;
    long[] idx = checkedIndices(indices, batch);
    double negatives = 2.0 * batch - 2.0;
    NDArray mask = ps.negativeMask(NegativeSet.NON_PARTNER);
    NDArray dots = ps.dots.stopGradient();
    // g_k on the scale exp(-1/tau), where exp((z.z' - 1) / tau) <= 1 cannot overflow.
    NDArray gScaled = dots.sub(1).div(temperature).exp().mul(mask).sum(new int[] {1}).div(negatives);
    double[] g = gScaled.toType(DataType.FLOAT64, false).toDoubleArray();
    double shift = Math.exp(1 / temperature);

    double step = gammaOfBatch(idx);
    double[] logU = new double[2 * batch];
    pendingU = new double[batch];
    for (int i = 0; i < batch; i++) {
      double old = u[(int) idx[i]];
      double u1 = (1 - step) * old + step * g[i] * shift;
      double u2 = (1 - step) * old + step * g[i + batch] * shift;
      pendingU[i] = (u1 + u2) / 2;
      logU[i] = Math.log(Math.max(u1, U_EPS));
      logU[i + batch] = Math.log(Math.max(u2, U_EPS));
    }
    pendingIndices = idx;

    NDManager m = z1.getManager();
    NDArray logUColumn = m.create(logU).toType(dots.getDataType(), false).reshape(-1, 1);
    // Masked entries pushed far below before exp, so that the self pair cannot overflow.
    NDArray weights = dots.div(temperature).sub(logUColumn).add(mask.sub(1).mul(1e4)).exp().mul(mask);
    NDArray weighted = weights.mul(ps.dots).sum(new int[] {1}).div(negatives);
    NDArray loss = weighted.sub(ps.positiveDots).sum().div(batch);
    return ps.output(loss);
  }

  private long[] checkedIndices(NDArray indices, int batch) {
    long[] idx = indices.toType(DataType.INT64, false).toLongArray();
    if (idx.length != batch) {
      throw new IllegalArgumentException("SogCLR got " + idx.length + " indices for " + batch + " images.");
    }
    for (long i : idx) {
      if (i < 0 || i >= u.length) {
        throw new IllegalArgumentException("SogCLR got dataset index " + i + " outside [0, " + u.length
            + "); was initialize() called with the training set's size?");
      }
    }
    return idx;
  }

  /** LibAUC's rule: 1 when none of the batch's images has an estimate yet (the first epoch), else gamma. */
  private double gammaOfBatch(long[] idx) {
    for (long i : idx) {
      if (seen.get((int) i)) {
        return gamma;
      }
    }
    return 1;
  }

  @Override
  public Map<String, NDArray> minimisedVariables() {
    return Map.of();
  }

  /** Commits the estimates computed by the last forward; a second call without a forward does nothing. */
  @Override
  public void afterStep() {
    if (pendingIndices == null) {
      return;
    }
    for (int i = 0; i < pendingIndices.length; i++) {
      int image = (int) pendingIndices[i];
      u[image] = pendingU[i];
      seen.set(image);
    }
    pendingIndices = null;
    pendingU = null;
  }

  /** u_i, the estimate of mean exp(z.z'/tau) of image i; 0 for an image not seen yet. */
  public double movingAverage(int image) {
    return u[image];
  }

  @Override
  public Map<String, Double> scalars() {
    double sum = 0;
    int n = 0;
    for (int i = seen.nextSetBit(0); i >= 0; i = seen.nextSetBit(i + 1)) {
      sum += u[i];
      n++;
    }
    return Map.of("temperature", temperature, "gamma", gamma, "seen", (double) n, "mean_u", n == 0 ? 0 : sum / n);
  }

  @Override
  public void save(DataOutputStream out) throws IOException {
    StateFormat.writeHeader(out, NAME, STATE_VERSION);
    out.writeDouble(temperature);
    out.writeInt(u.length);
    for (int i = 0; i < u.length; i++) {
      out.writeBoolean(seen.get(i));
      out.writeDouble(u[i]);
    }
  }

  @Override
  public void load(DataInputStream in) throws IOException {
    StateFormat.readHeader(in, NAME, STATE_VERSION);
    double savedTau = in.readDouble();
    if (savedTau != temperature) {
      throw new IOException("The checkpoint's SogCLR state was made with temperature " + savedTau
          + ", not " + temperature + ".");
    }
    int n = in.readInt();
    if (n != u.length) {
      throw new IOException("The checkpoint's SogCLR state covers " + n + " images, the training set has "
          + u.length + ".");
    }
    Arrays.fill(u, 0);
    seen.clear();
    for (int i = 0; i < n; i++) {
      if (in.readBoolean()) {
        seen.set(i);
      }
      u[i] = in.readDouble();
    }
    pendingIndices = null;
    pendingU = null;
  }
}
