package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The shared body of the temperature-softmax baselines (docs/LOSSES.md, "NT-Xent" and "DCL"): for
 * each of the 2B anchors k,
 *
 * <pre>
 * L = mean_k [ -z_k.z_p(k) / tau + log sum_{l in N(k)} exp(z_k.z_l / tau) ]
 * </pre>
 *
 * where the denominator set N(k) is {@link NegativeSet#ALL_OTHERS} (NT-Xent: the partner included) or
 * {@link NegativeSet#NON_PARTNER} (DCL: the partner removed). No state, no variables: everything is
 * trained by the network's optimiser through the embeddings.
 */
abstract sealed class SoftmaxContrastiveObjective implements ContrastiveObjective
    permits NtXentObjective, DclObjective {
  private final String name;
  private final NegativeSet denominator;
  private final double temperature;

  /**
   * @param name registry name, also the state header
   * @param denominator which views sit in the log-sum-exp
   * @param temperature tau, as checked by {@link ObjectiveConfig}, which owns its bounds
   */
  SoftmaxContrastiveObjective(String name, NegativeSet denominator, double temperature) {
    this.name = name;
    this.denominator = denominator;
    this.temperature = temperature;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void initialize(NDManager manager, int datasetSize) {}

  /** z1, z2: B x d; indices ignored. */
  @Override
  public final ObjectiveOutput forward(NDArray z1, NDArray z2, NDArray indices) {
    PairScores ps = PairScores.of(z1, z2);
    NDArray logits = ps.dots.div(temperature);
    NDArray lse = PairScores.maskedLogSumExp(logits, ps.negativeMask(denominator));
    NDArray loss = lse.sub(ps.positiveDots.div(temperature)).mean();
    return ps.output(loss);
  }

  @Override
  public final Map<String, NDArray> minimisedVariables() {
    return Map.of();
  }

  @Override
  public final void afterStep() {}

  @Override
  public final Map<String, Double> scalars() {
    return Map.of("temperature", temperature);
  }

  @Override
  public final void save(DataOutputStream out) throws IOException {
    StateFormat.writeHeader(out, name);
  }

  @Override
  public final void load(DataInputStream in) throws IOException {
    StateFormat.readHeader(in, name);
  }
}
