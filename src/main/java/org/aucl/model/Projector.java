package org.aucl.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The projection head of the authors' CIFAR script (docs/MODELS.md): Linear(featureDim, hidden, no
 * bias) - BatchNorm1d - ReLU - Linear(hidden, out). Input B x featureDim, output B x out.
 */
public final class Projector {
  private Projector() {}

  /** Builds the head; parameters are not yet initialised. */
  public static SequentialBlock build(int featureDim, int hidden, int out) {
    Linear first = Linear.builder().setUnits(hidden).optBias(false).build();
    first.setInitializer(TorchInit.linearUniform(featureDim), Parameter.Type.WEIGHT);
    Linear second = Linear.builder().setUnits(out).optBias(true).build();
    second.setInitializer(TorchInit.linearUniform(hidden), Parameter.Type.WEIGHT);
    second.setInitializer(TorchInit.linearUniform(hidden), Parameter.Type.BIAS);
    return new SequentialBlock()
        .add(first)
        .add(BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build())
        .add(Activation.reluBlock())
        .add(second);
  }

  /** Forward multiply-adds per image. */
  public static long macs(int featureDim, int hidden, int out) {
    return (long) featureDim * hidden + (long) hidden * out;
  }
}
