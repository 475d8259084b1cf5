package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PositionInterpolationTest {

  @Test
  void sameSizeIsTheIdentity() {
    float[] m = PositionInterpolation.matrix(3, 3, 3, 3);
    for (int r = 0; r < 9; r++) {
      for (int c = 0; c < 9; c++) {
        assertEquals(r == c ? 1f : 0f, m[r * 9 + c], 1e-7);
      }
    }
  }

  @Test
  void everyRowSumsToOneSoAConstantGridStaysConstant() {
    for (int[] s : new int[][] {{2, 4}, {4, 2}, {3, 7}, {12, 14}}) {
      double[][] w = PositionInterpolation.bicubic(s[0], s[1]);
      for (double[] row : w) {
        double sum = 0;
        for (double v : row) {
          sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
      }
    }
  }

  @Test
  void upsamplingTwoToFourMatchesKeysKernelByHand() {
    // output 0 samples x = (0 + 0.5) * 2 / 4 - 0.5 = -0.25: floor -1, t = 0.75; taps -2, -1, 0, 1,
    // clamped to 0, 0, 0, 1. Keys (a = -0.75): weights of the taps are
    // k(1.75) = a(1.75^3 - 5 1.75^2 + 8 1.75 - 4) = -0.03515625, k(0.75) = 1.25 0.75^3 - 2.25 0.75^2 + 1
    // = 0.26171875, k(0.25) = 0.87890625, k(1.25) = -0.10546875.
    double[][] w = PositionInterpolation.bicubic(4, 2);
    assertEquals(-0.03515625 + 0.26171875 + 0.87890625, w[0][0], 1e-12);
    assertEquals(-0.10546875, w[0][1], 1e-12);
    // by symmetry the last output mirrors the first
    assertEquals(w[0][0], w[3][1], 1e-12);
    assertEquals(w[0][1], w[3][0], 1e-12);
  }
}
