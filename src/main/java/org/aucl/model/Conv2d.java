package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's 2-D convolution, computed on the CPU through the route {@link KernelGuard} checked for each
 * input shape. It keeps DJL's class name, because a {@code SequentialBlock} names its children by
 * their class's simple name and the parameters by the children's: checkpoints read as before.
 */
final class Conv2d extends ai.djl.nn.convolutional.Conv2d {
  /** The network's activation layout, set by {@link ContrastiveNet}. */
  private volatile MemoryFormat layout = MemoryFormat.CONTIGUOUS;

  private Conv2d(ai.djl.nn.convolutional.Conv2d.Builder builder) {
    super(builder);
  }

  /** A convolution built from a DJL builder (validated by it). */
  static Conv2d of(ai.djl.nn.convolutional.Conv2d.Builder builder) {
    builder.build(); // DJL's checks of the settings
    return new Conv2d(builder);
  }

  void useLayout(MemoryFormat format) {
    this.layout = format;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray b = includeBias ? ps.getValue(bias, x.getDevice(), training) : null;
    ConvRoute route = ConvRoute.NATIVE;
    // only the CPU's float32 convolutions go through oneDNN (a float64 reference network does not)
    if (!x.getDevice().isGpu() && x.getDataType() == DataType.FLOAT32) {
      long[] s = x.getShape().getShape();
      ConvCase c = new ConvCase("layer", (int) s[1], filters, (int) kernelShape.get(0), (int) stride.get(0),
          (int) padding.get(0), (int) s[2], (int) s[3], KernelGuard.checkBatch((int) s[0]), includeBias);
      boolean gradMode = JniUtils.isGradMode();
      route = KernelGuard.route(c, layout, gradMode && x.hasGradient(), gradMode && w.hasGradient());
    }
    return new NDList(route.apply(x, w, b, (int) stride.get(0), (int) padding.get(0), layout));
  }
}
