package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * SogCLR, the global contrastive loss with a moving-average estimator (Yuan et al. 2022, LibAUC's
 * GCLoss_v1; spec section 4).
 *
 * <p>Per training image i it keeps {@code u_i}, a running estimate of its mean exponentiated negative
 * similarity: with {@code g_k = mean_{l != k, p(k)} exp(z_k.z_l / tau)} (2B - 2 negatives) and
 * {@code g_i = (g_k + g_p(k)) / 2} over the image's two views,
 * {@code u_i <- (1 - gamma) u_i + gamma g_i} (an image seen for the first time starts at {@code g_i},
 * as LibAUC does). The step's gradient is that of the surrogate
 *
 * <pre>
 * S = mean_k [ -z_k.z_p(k) / tau + mean_l w_kl z_k.z_l / tau ],   w_kl = exp(z_k.z_l / tau) / u_i (detached)
 * </pre>
 *
 * so each negative is weighted by {@code exp(z_k.z_l/tau) / u_i}. The reported value is the
 * mini-batch estimate of the global contrastive loss, {@code mean_k [ -z_k.z_p(k)/tau + log g_k ]}; its
 * gradient is S's. LibAUC's GCLoss_v1 computes tau times S (no 1/tau on the logits); we keep the 1/tau
 * so the gradient has NT-Xent's scale. Internally u is stored as {@code u_i exp(-1/tau)} (the
 * exponentials are computed as {@code exp((z.z' - 1)/tau)} so they cannot overflow).
 *
 * <p>Who updates what: u is never differentiated; forward computes the new u of the batch's images
 * from detached scores and {@link #afterStep()} commits it. No variable for the optimiser.
 */
public final class SogClrObjective implements ContrastiveObjective {
  public static final String NAME = "sogclr";
  /** Guard of u in the weights, as LibAUC's eps. */
  static final double U_EPS = 1e-30;

  private final double temperature;
  private final double gamma;
  private double[] scaledU = new double[0];
  private BitSet seen = new BitSet();
  private long[] pendingIndices;
  private double[] pendingU;

  public SogClrObjective(double temperature, double gamma) {
    if (!(temperature >= ObjectiveConfig.MIN_TEMPERATURE) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("SogCLR's temperature must be at least " + ObjectiveConfig.MIN_TEMPERATURE
          + ", got " + temperature + ".");
    }
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("SogCLR's gamma must lie in (0, 1], got " + gamma + ".");
    }
    this.temperature = temperature;
    this.gamma = gamma;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Sizes u to the dataset: one entry per training image, all unseen. */
  @Override
  public void initialize(NDManager manager, int datasetSize) {
    if (datasetSize < 1) {
      throw new IllegalArgumentException("SogCLR needs the training set's size (at least 1), got " + datasetSize + ".");
    }
    scaledU = new double[datasetSize];
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
    long[] idx = indices.toType(DataType.INT64, false).toLongArray();
    if (idx.length != batch) {
      throw new IllegalArgumentException("SogCLR got " + idx.length + " indices for " + batch + " images.");
    }
    for (long i : idx) {
      if (i < 0 || i >= scaledU.length) {
        throw new IllegalArgumentException("SogCLR got dataset index " + i + " outside [0, " + scaledU.length
            + "); was initialize() called with the training set's size?");
      }
    }
    double negatives = 2.0 * batch - 2.0;
    NDArray mask = ps.negativeMask(NegativeSet.NON_PARTNER);
    // exp((z.z' - 1) / tau) on detached scores: no gradient flows into u.
    NDArray e = ps.dots.stopGradient().sub(1).div(temperature).exp().mul(mask);
    NDArray gAnchor = e.sum(new int[] {1}).div(negatives); // 2B, scaled by exp(-1/tau)
    double[] g = gAnchor.toType(DataType.FLOAT64, false).toDoubleArray();

    double[] newU = new double[batch];
    double[] uAnchor = new double[2 * batch];
    for (int i = 0; i < batch; i++) {
      int image = (int) idx[i];
      double gi = (g[i] + g[i + batch]) / 2;
      newU[i] = seen.get(image) ? (1 - gamma) * scaledU[image] + gamma * gi : gi;
      uAnchor[i] = Math.max(newU[i], U_EPS);
      uAnchor[i + batch] = uAnchor[i];
    }
    pendingIndices = idx;
    pendingU = newU;

    NDManager m = z1.getManager();
    NDArray u = m.create(uAnchor).toType(e.getDataType(), false).reshape(-1, 1);
    NDArray weights = e.div(u); // detached: e and u carry no gradient
    NDArray logits = ps.dots.div(temperature);
    NDArray positive = ps.positiveDots.div(temperature);
    NDArray surrogate = weights.mul(logits).sum(new int[] {1}).div(negatives).sub(positive).mean();
    // value: mean_k [ -pos/tau + log g_k ], with log g_k = log(scaled g_k) + 1/tau
    NDArray value = gAnchor.log().add(1 / temperature).sub(positive.stopGradient()).mean();
    NDArray loss = surrogate.add(value.sub(surrogate.stopGradient()));
    return ps.diagnostics().with(loss);
  }

  @Override
  public Map<String, NDArray> minimisedVariables() {
    return Map.of();
  }

  /** Commits the moving averages computed by the last forward. */
  @Override
  public void afterStep() {
    if (pendingIndices == null) {
      return;
    }
    for (int i = 0; i < pendingIndices.length; i++) {
      int image = (int) pendingIndices[i];
      scaledU[image] = pendingU[i];
      seen.set(image);
    }
    pendingIndices = null;
    pendingU = null;
  }

  /** u_i on the formula's scale, mean exp(z.z'/tau); 0 for an image not seen yet. */
  public double movingAverage(int image) {
    return seen.get(image) ? scaledU[image] * Math.exp(1 / temperature) : 0;
  }

  public int datasetSize() {
    return scaledU.length;
  }

  @Override
  public Map<String, Double> scalars() {
    double sum = 0;
    int n = 0;
    for (int i = seen.nextSetBit(0); i >= 0; i = seen.nextSetBit(i + 1)) {
      sum += movingAverage(i);
      n++;
    }
    return Map.of("temperature", temperature, "gamma", gamma, "seen", (double) n, "mean_u", n == 0 ? 0 : sum / n);
  }

  @Override
  public void save(DataOutputStream out) throws IOException {
    StateFormat.writeHeader(out, NAME);
    out.writeDouble(temperature);
    out.writeInt(scaledU.length);
    for (int i = 0; i < scaledU.length; i++) {
      out.writeBoolean(seen.get(i));
      out.writeDouble(scaledU[i]);
    }
  }

  @Override
  public void load(DataInputStream in) throws IOException {
    StateFormat.readHeader(in, NAME);
    double savedTau = in.readDouble();
    if (savedTau != temperature) {
      throw new IOException("The checkpoint's SogCLR state was made with temperature " + savedTau
          + ", not " + temperature + ".");
    }
    int n = in.readInt();
    if (n != scaledU.length) {
      throw new IOException("The checkpoint's SogCLR state covers " + n + " images, the training set has "
          + scaledU.length + ".");
    }
    Arrays.fill(scaledU, 0);
    seen.clear();
    for (int i = 0; i < n; i++) {
      if (in.readBoolean()) {
        seen.set(i);
      }
      scaledU[i] = in.readDouble();
    }
    pendingIndices = null;
    pendingU = null;
  }
}
