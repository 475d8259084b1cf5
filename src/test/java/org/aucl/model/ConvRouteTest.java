package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * Every route computes the same convolution (on a shape whose kernels are right everywhere: 16 -> 32,
 * 3x3 stride 2), and gradients flow through its conversions.
 */
class ConvRouteTest {
  @Test
  void everyRouteComputesTheSameConvolutionAndItsGradients() {
    double[][] want = null;
    for (ConvRoute route : new ConvRoute[] {ConvRoute.NATIVE, ConvRoute.CONTIGUOUS, ConvRoute.MATMUL}) {
      try (NDManager m = NDManager.newBaseManager()) {
        java.util.Random r = new java.util.Random(3);
        NDArray x = m.create(gaussian(r, 4 * 16 * 10 * 10), new Shape(4, 16, 10, 10));
        NDArray w = m.create(gaussian(r, 32 * 16 * 9), new Shape(32, 16, 3, 3));
        NDArray b = m.create(gaussian(r, 32), new Shape(32));
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
        GradientCollector gc = Engine.getInstance().newGradientCollector();
        NDArray y = route.apply(ChannelsLast.of(x), w, b, 2, 1, MemoryFormat.CHANNELS_LAST);
        assertEquals(new Shape(4, 32, 5, 5), y.getShape());
        assertEquals(DataType.FLOAT32, y.getDataType());
        gc.backward(y.mul(y).sum());
        gc.close();
        double[][] got = {
          y.toType(DataType.FLOAT64, false).toDoubleArray(),
          w.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
          b.getGradient().toType(DataType.FLOAT64, false).toDoubleArray()
        };
        if (want == null) {
          want = got;
        } else {
          for (int i = 0; i < got.length; i++) {
            double error = KernelCheck.relativeError(got[i], want[i]);
            assertTrue(error < KernelCheck.TOLERANCE, route + " result " + i + " is " + error + " from the native route's");
          }
        }
      }
    }
  }

  private static float[] gaussian(java.util.Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (0.3 * r.nextGaussian());
    }
    return v;
  }

  @Test
  void checksRunAtSixteenImagesAtMostAndABatchOfOneAsItIs() {
    assertEquals(1, KernelGuard.checkBatch(1));
    assertEquals(7, KernelGuard.checkBatch(7));
    assertEquals(KernelGuard.CHECK_BATCH, KernelGuard.checkBatch(512));
  }
}
