package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * How one convolution is computed, as {@link KernelGuard} chose it: oneDNN's kernels in the network's
 * own layout (the fast path), oneDNN's kernels in the contiguous layout, or as a sum of matrix
 * products, one per kernel position (no convolution kernel at all: the matrix product is a BLAS
 * call; several times slower). Every route takes and returns tensors in the network's layout,
 * differentiably. Square kernels, one group, no dilation: what aucl's encoders use.
 */
enum ConvRoute {
  NATIVE,
  CONTIGUOUS,
  MATMUL;

  NDArray apply(NDArray x, NDArray weight, NDArray bias, int stride, int padding, MemoryFormat layout) {
    return switch (this) {
      case NATIVE -> conv(x, weight, bias, stride, padding);
      case CONTIGUOUS -> {
        long[] s = x.getShape().getShape();
        // a channels-last tensor cannot be viewed flat, so reshape copies it in B x C x H x W order
        NDArray y = conv(x.reshape(s[0], -1).reshape(s), weight, bias, stride, padding);
        yield layout == MemoryFormat.CHANNELS_LAST ? ChannelsLast.of(y) : y;
      }
      case MATMUL -> {
        NDArray y = byMatrixProducts(x, weight, bias, stride, padding); // channels-last strides
        long[] s = y.getShape().getShape();
        yield layout == MemoryFormat.CHANNELS_LAST ? y : y.reshape(s[0], -1).reshape(s);
      }
    };
  }

  private static NDArray conv(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding),
        new Shape(1, 1), 1).singletonOrThrow();
  }

  /**
   * y[b, o, i, j] = sum over (u, v, c) of w[o, c, u, v] x_padded[b, c, s i + u, s j + v] + bias[o]: for
   * each kernel position (u, v), the strided slice of the padded input (B x C x Ho x Wo) times w[:, :, u, v]
   * as a B Ho Wo x C by C x O product. Returns B x O x Ho x Wo laid out channels-last.
   */
  private static NDArray byMatrixProducts(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    long[] s = x.getShape().getShape();
    long[] k = weight.getShape().getShape();
    long outH = (s[2] + 2L * padding - k[2]) / stride + 1;
    long outW = (s[3] + 2L * padding - k[3]) / stride + 1;
    NDArray padded = padding > 0 ? x.pad(new Shape(padding, padding, padding, padding), 0) : x;
    NDArray sum = null;
    for (long u = 0; u < k[2]; u++) {
      for (long v = 0; v < k[3]; v++) {
        NDArray slice = padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}",
            u, u + stride * (outH - 1) + 1, stride, v, v + stride * (outW - 1) + 1, stride));
        NDArray w = weight.get(new NDIndex(":, :, {}, {}", u, v)); // O x C
        NDArray term = slice.transpose(0, 2, 3, 1).matMul(w.transpose(1, 0)); // B x Ho x Wo x O
        sum = sum == null ? term : sum.add(term);
      }
    }
    if (bias != null) {
      sum = sum.add(bias);
    }
    return sum.transpose(0, 3, 1, 2);
  }
}
