package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * NT-Xent, SimCLR's loss (Chen et al. 2020; spec section 4): for each of the 2B anchors, the
 * cross-entropy of its partner against all other 2B - 1 views,
 *
 * <pre>
 * L = mean_k [ -z_k.z_p(k) / tau + log sum_{l != k} exp(z_k.z_l / tau) ]
 * </pre>
 *
 * No state, no variables: everything is trained by the network's optimiser through the embeddings.
 */
public final class NtXentObjective implements ContrastiveObjective {
  public static final String NAME = "simclr";

  private final double temperature;

  public NtXentObjective(double temperature) {
    if (!(temperature >= ObjectiveConfig.MIN_TEMPERATURE) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("NT-Xent's temperature must be at least " + ObjectiveConfig.MIN_TEMPERATURE
          + ", got " + temperature + ".");
    }
    this.temperature = temperature;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void initialize(NDManager manager, int datasetSize) {}

  /** z1, z2: B x d; indices ignored. */
  @Override
  public ObjectiveOutput forward(NDArray z1, NDArray z2, NDArray indices) {
    PairScores ps = PairScores.of(z1, z2);
    NDArray logits = ps.dots.div(temperature);
    NDArray lse = PairScores.maskedLogSumExp(logits, ps.negativeMask(NegativeSet.ALL_OTHERS));
    NDArray loss = lse.sub(ps.positiveDots.div(temperature)).mean();
    return ps.diagnostics().with(loss);
  }

  @Override
  public Map<String, NDArray> minimisedVariables() {
    return Map.of();
  }

  @Override
  public void afterStep() {}

  @Override
  public Map<String, Double> scalars() {
    return Map.of("temperature", temperature);
  }

  @Override
  public void save(DataOutputStream out) throws IOException {
    StateFormat.writeHeader(out, NAME);
  }

  @Override
  public void load(DataInputStream in) throws IOException {
    StateFormat.readHeader(in, NAME);
  }
}
