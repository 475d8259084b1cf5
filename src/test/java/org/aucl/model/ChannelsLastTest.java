package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ChannelsLastTest {
  @Test
  void keepsShapeAndEveryValue() {
    for (long[] s : new long[][] {{2, 3, 4, 5}, {3, 1, 5, 4}}) {
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray x = m.arange((int) new Shape(s).size()).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).reshape(s);
        NDArray y = ChannelsLast.of(x);
        assertEquals(new Shape(s), y.getShape());
        assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 0f, "values in B x C x H x W order");
        assertArrayEquals(x.sum(new int[] {1}).toFloatArray(), y.sum(new int[] {1}).toFloatArray(), 0f, "over channels");
      }
    }
  }
}
