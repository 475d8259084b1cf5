package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The antialiased resampler against PIL's {@code Image.resize} of each channel as a float image
 * (references written by bench/resize_reference.py from a 64 x 48 image of one-pixel lines, a fine
 * checkerboard and noise, where a filter without antialias is far off).
 */
class AntialiasedTest {
  /**
   * Measured: the largest difference is 1.8e-7 of the [0, 1] range (float rounding), 1/20,000 of an 8-bit
   * step; PIL's own 8-bit output is within 1/255 of its float one (bench/resize_reference.py prints it).
   */
  private static final float TOLERANCE = 1e-6f;

  @Test
  void bilinearShrinkMatchesPil() throws IOException {
    check("bilinear-17x13", ResampleFilter.BILINEAR, 0, 0, 48, 64, 13, 17);
    check("bilinear-26x20", ResampleFilter.BILINEAR, 0, 0, 48, 64, 20, 26);
  }

  @Test
  void bicubicShrinkMatchesPil() throws IOException {
    check("bicubic-17x13", ResampleFilter.BICUBIC, 0, 0, 48, 64, 13, 17);
    check("bicubic-26x20", ResampleFilter.BICUBIC, 0, 0, 48, 64, 20, 26);
  }

  @Test
  void aBoxIsCutBeforeItIsResampled() throws IOException {
    // PIL: crop((7, 3, 57, 43)) then resize((19, 9)): pixels outside the box never contribute.
    check("bilinear-crop-19x9", ResampleFilter.BILINEAR, 3, 7, 40, 50, 9, 19);
  }

  @Test
  void oneAxisShrinkingAndTheOtherGrowingMatchesPil() throws IOException {
    // crop((7, 3, 27, 43)): 20 wide grows to 30, 40 high shrinks to 10.
    check("bilinear-mixed-30x10", ResampleFilter.BILINEAR, 3, 7, 40, 20, 10, 30);
  }

  @Test
  void weightsOfEveryOutputPixelSumToOne() {
    for (ResampleFilter f : ResampleFilter.values()) {
      for (int[] io : new int[][] {{375, 96}, {500, 224}, {7, 3}, {3, 7}, {96, 96}}) {
        int k = Antialiased.taps(io[0], io[1], f);
        int[] first = new int[io[1]];
        float[] w = new float[io[1] * k];
        Antialiased.weights(io[0], io[1], f, k, first, w);
        for (int o = 0; o < io[1]; o++) {
          double sum = 0;
          for (int t = 0; t < k; t++) {
            sum += w[o * k + t];
          }
          assertEquals(1.0, sum, 1e-5, f + " " + io[0] + "->" + io[1] + " at " + o);
          assertTrue(first[o] >= 0 && first[o] + k <= io[0]);
        }
      }
    }
  }

  private void check(String name, ResampleFilter filter, int top, int left, int boxH, int boxW, int outH, int outW)
      throws IOException {
    float[] dst = new float[3 * outH * outW];
    Antialiased.resample(AntialiasedReference.input(), 3, 48, 64, top, left, boxH, boxW, dst, outH, outW, filter, WorkArrays.fresh());
    assertClose(AntialiasedReference.reference(name, dst.length), dst);
  }

  private static void assertClose(float[] expected, float[] actual) {
    float worst = 0f;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    assertTrue(worst <= TOLERANCE, "largest difference from PIL " + worst);
  }
}
