package org.aucl.model;

import ai.djl.ndarray.NDArray;

/**
 * Lays a B x C x H x W tensor out channels-last in memory (the strides of a contiguous B x H x W x C
 * tensor; {@link MemoryFormat}) without changing a value. Every later convolution, BatchNorm, ReLU,
 * pooling and addition keeps its input's layout, so doing this to the images sets the layout of the
 * whole network. DJL has no memory-format call, so it is a permute to B x H x W x C, a reshape (which
 * copies the non-contiguous view into a contiguous tensor) and the inverse permute (a view). With one
 * channel no copy is made: the reshape gives the strides PyTorch reads as channels-last (C's stride 1).
 */
final class ChannelsLast {
  private ChannelsLast() {}

  static NDArray of(NDArray x) {
    long[] s = x.getShape().getShape();
    NDArray nhwc = x.transpose(0, 2, 3, 1).reshape(s[0], -1).reshape(s[0], s[2], s[3], s[1]);
    return nhwc.transpose(0, 3, 1, 2);
  }
}
