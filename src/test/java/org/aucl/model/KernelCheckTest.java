package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class KernelCheckTest {
  @Test
  void relativeErrorIsTheLargestDifferenceOverTheLargestValueAndNonFiniteIsInfinite() {
    assertEquals(0.125, KernelCheck.relativeError(new double[] {1, 2.5, -4}, new double[] {1, 2, -4}), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, KernelCheck.relativeError(new double[] {Double.NaN, 0}, new double[] {1, 0}));
    assertEquals(0, KernelCheck.relativeError(new double[] {0, 0}, new double[] {0, 0}));
  }

  @Test
  void theChannelLastConvolutionsOfTheDefaultNetworkAreRight() {
    ConvCase[] cases = {
      ConvCase.resnet("stem", 1, 16, 3, 1, 12, 16),
      ConvCase.resnet("body", 16, 16, 3, 1, 12, 16),
      ConvCase.resnet("down", 16, 32, 3, 2, 12, 16),
      ConvCase.resnet("shortcut", 16, 32, 1, 2, 12, 16),
    };
    try (NDManager m = NDManager.newBaseManager()) {
      for (ConvCase c : cases) {
        KernelCheck.PathErrors channelsLast = KernelCheck.compare(c, 1, m)[MemoryFormat.CHANNELS_LAST.ordinal()];
        assertEquals(MemoryFormat.CHANNELS_LAST, channelsLast.layout());
        assertTrue(channelsLast.rightFor(KernelCheck.Needs.training(c)), c + ": " + channelsLast);
        assertTrue(channelsLast.output() > 0, "float32 differs from float64 by rounding at least");
      }
    }
  }

  @Test
  void aStemsInputGradientDoesNotDecide() {
    ConvCase stem = ConvCase.resnet("stem", 1, 16, 3, 1, 12, 4);
    assertFalse(stem.inputGradientUsed());
    KernelCheck.PathErrors wrongInputGradient = new KernelCheck.PathErrors(MemoryFormat.CHANNELS_LAST, 1e-7, 0.5, 1e-7);
    assertTrue(wrongInputGradient.rightFor(KernelCheck.Needs.training(stem)));
    ConvCase body = ConvCase.resnet("body", 16, 16, 3, 1, 12, 4);
    assertFalse(wrongInputGradient.rightFor(KernelCheck.Needs.training(body)));
    assertTrue(wrongInputGradient.rightFor(new KernelCheck.Needs(false, false)), "evaluation reads the output only");
  }
}
