package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * torchvision's initialisation, which DJL's defaults do not follow: Kaiming-normal (fan_out, ReLU
 * gain) for convolutions, and PyTorch's nn.Linear default, uniform in +-1/sqrt(fan_in), for linear
 * weights and biases. BatchNorm keeps DJL's defaults, which match torch (gamma 1, beta 0, running
 * mean 0, running variance 1).
 */
final class TorchInit {
  private TorchInit() {}

  /** N(0, 2 / fan_out) with fan_out = out_channels * kh * kw (weight shape out x in x kh x kw). */
  static Initializer kaimingNormalFanOut() {
    return (NDManager manager, Shape shape, DataType dataType) -> {
      long fanOut = shape.get(0);
      for (int i = 2; i < shape.dimension(); i++) {
        fanOut *= shape.get(i);
      }
      float std = (float) Math.sqrt(2.0 / fanOut);
      return manager.randomNormal(0f, std, shape, dataType);
    };
  }

  /** U(-1/sqrt(fanIn), 1/sqrt(fanIn)): nn.Linear's default for both weight and bias. */
  static Initializer linearUniform(long fanIn) {
    return (NDManager manager, Shape shape, DataType dataType) -> {
      float bound = (float) (1.0 / Math.sqrt(fanIn));
      NDArray a = manager.randomUniform(-bound, bound, shape, dataType);
      return a;
    };
  }
}
