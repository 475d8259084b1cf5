package org.aucl.spec;

import ai.djl.Device;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.method.PretrainMethod;
import org.aucl.method.TwoViewMethod;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;

/**
 * The two-view method's settings (docs/PRETRAINING.md).
 *
 * @param objective the loss between the two views' projections, with its settings
 * @param twoPassBatchNorm true: the two views go through BatchNorm in separate passes (the authors'
 *     code), so each view is normalised with its own batch statistics; false: one pass on the 2B views
 */
public record TwoViewSpec(ObjectiveConfig objective, boolean twoPassBatchNorm) implements MethodSpec {
  /** Both views in one BatchNorm pass: the default job's. */
  public static final boolean DEFAULT_TWO_PASS = false;

  public TwoViewSpec {
    if (objective == null) {
      throw new IllegalArgumentException("The two-view method needs an objective.");
    }
  }

  /** The default job's method: AUC-CL's default preset, one BatchNorm pass. */
  public static TwoViewSpec defaults() {
    return new TwoViewSpec(ObjectiveConfig.of("auc-cl"), DEFAULT_TWO_PASS);
  }

  public TwoViewSpec withObjective(ObjectiveConfig o) {
    return new TwoViewSpec(o, twoPassBatchNorm);
  }

  public TwoViewSpec withTwoPassBatchNorm(boolean twoPass) {
    return new TwoViewSpec(objective, twoPass);
  }

  @Override
  public String name() {
    return TwoViewMethod.NAME;
  }

  @Override
  public String label() {
    return objective.loss();
  }

  @Override
  public PretrainMethod<?> create(NetConfig net, OptimizerConfig optimizer, Device device, long seed, int datasetSize) {
    return new TwoViewMethod(net, objective, optimizer, twoPassBatchNorm, device, seed, datasetSize);
  }

  @Override
  public ContrastiveNet evalNet(NetConfig net, Device device, long seed) {
    return ContrastiveNet.create(net, seed, device);
  }

  /** Each view in its own pass with two-pass BatchNorm, both in one otherwise. */
  @Override
  public int imagesPerPass(int batch) {
    return twoPassBatchNorm ? batch : 2 * batch;
  }
}
