package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianBlurTest {

  @Test
  void kernelIsSymmetricNormalisedAndGaussian() {
    float[] k = new float[5];
    GaussianBlur.kernel(5, 1.0, k);
    double sum = 0;
    for (float v : k) {
      sum += v;
    }
    assertEquals(1.0, sum, 1e-6);
    assertEquals(k[0], k[4]);
    assertEquals(k[1], k[3]);
    assertEquals(Math.exp(-0.5), k[1] / k[2], 1e-6);
    assertEquals(Math.exp(-2.0), k[0] / k[2], 1e-6);
  }

  @Test
  void reflectPaddingMirrorsWithoutRepeatingTheEdge() {
    assertEquals(1, GaussianBlur.reflect(-1, 5));
    assertEquals(2, GaussianBlur.reflect(-2, 5));
    assertEquals(3, GaussianBlur.reflect(5, 5));
    assertEquals(4, GaussianBlur.reflect(4, 5));
    assertEquals(0, GaussianBlur.reflect(3, 1));
  }

  @Test
  void constantImageStaysConstant() {
    ImageShape s = new ImageShape(3, 6, 9);
    float[] img = new float[s.size()];
    java.util.Arrays.fill(img, 0.37f);
    float[] out = Images.apply(new GaussianBlur(5, 0.1, 2.0, 1.0), img, s, 4);
    for (float v : out) {
      assertEquals(0.37f, v, 1e-6);
    }
  }

  @Test
  void agreesWithANaiveTwoDimensionalConvolution() {
    ImageShape s = new ImageShape(2, 8, 10);
    float[] img = Images.random(s, 5);
    long seed = 11;
    float[] out = Images.apply(new GaussianBlur(5, 0.5, 1.5, 1.0), img, s, seed);
    // the sigma the transform drew: same generator, same draws (the probability test, then sigma)
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    r.nextDouble();
    double sigma = 0.5 + r.nextDouble();
    double[] k = new double[5];
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      k[i] = Math.exp(-0.5 * Math.pow((i - 2) / sigma, 2));
      sum += k[i];
    }
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 10; x++) {
          double acc = 0;
          for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
              int yy = GaussianBlur.reflect(y + i - 2, 8);
              int xx = GaussianBlur.reflect(x + j - 2, 10);
              acc += k[i] / sum * k[j] / sum * img[c * 80 + yy * 10 + xx];
            }
          }
          assertEquals(acc, out[c * 80 + y * 10 + x], 1e-5);
        }
      }
    }
  }

  @Test
  void autoKernelSizeIsOddAndAboutATenth() {
    assertEquals(23, GaussianBlur.kernelSizeFor(224));
    assertEquals(3, GaussianBlur.kernelSizeFor(32));
    assertEquals(11, GaussianBlur.kernelSizeFor(96));
  }

  @Test
  void rejectsEvenKernels() {
    assertThrows(IllegalArgumentException.class, () -> new GaussianBlur(4, 0.1, 2.0, 1.0));
  }
}
