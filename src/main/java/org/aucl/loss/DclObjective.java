package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * DCL, decoupled contrastive learning (Yeh et al. 2022; spec section 4): NT-Xent with the positive
 * removed from the denominator,
 *
 * <pre>
 * L = mean_k [ -z_k.z_p(k) / tau + log sum_{l != k, p(k)} exp(z_k.z_l / tau) ]
 * </pre>
 *
 * No state, no variables.
 */
public final class DclObjective implements ContrastiveObjective {
  public static final String NAME = "dcl";

  private final double temperature;

  public DclObjective(double temperature) {
    if (!(temperature >= ObjectiveConfig.MIN_TEMPERATURE) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("DCL's temperature must be at least " + ObjectiveConfig.MIN_TEMPERATURE
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
    NDArray lse = PairScores.maskedLogSumExp(logits, ps.negativeMask(NegativeSet.NON_PARTNER));
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
