package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorJitterTest {
  private final ImageShape rgb = new ImageShape(3, 6, 7);

  @Test
  void zeroStrengthIsTheIdentity() {
    float[] img = Images.random(rgb, 1);
    for (int seed = 0; seed < 10; seed++) {
      assertArrayEquals(img, Images.apply(new ColorJitter(0, 0, 0, 0, 1.0), img, rgb, seed));
    }
  }

  @Test
  void probabilityZeroIsTheIdentity() {
    float[] img = Images.random(rgb, 2);
    assertArrayEquals(img, Images.apply(new ColorJitter(0.4, 0.4, 0.4, 0.1, 0.0), img, rgb, 3));
  }

  @Test
  void brightnessScalesEveryValueByOneFactorInRange() {
    ImageShape s = new ImageShape(1, 4, 4);
    float[] img = new float[16];
    for (int k = 0; k < 16; k++) {
      img[k] = 0.1f + 0.02f * k; // at most 0.4: no clamping at factor <= 1.5
    }
    for (int seed = 0; seed < 50; seed++) {
      float[] out = Images.apply(new ColorJitter(0.5, 0, 0, 0, 1.0), img, s, seed);
      double f = out[0] / img[0];
      assertTrue(f >= 0.5 - 1e-6 && f <= 1.5 + 1e-6, "factor " + f);
      for (int k = 0; k < 16; k++) {
        assertEquals(f * img[k], out[k], 1e-5);
      }
    }
  }

  @Test
  void contrastBlendsWithTheMeanLuma() {
    float[] img = Images.random(rgb, 5);
    float[] a = img.clone();
    ColorJitter.contrast(a, rgb, 0.5f);
    int n = rgb.plane();
    double mean = 0;
    for (int k = 0; k < n; k++) {
      mean += 0.299 * img[k] + 0.587 * img[n + k] + 0.114 * img[2 * n + k];
    }
    mean /= n;
    for (int k = 0; k < img.length; k++) {
      assertEquals(Math.min(1, Math.max(0, 0.5 * img[k] + 0.5 * mean)), a[k], 1e-6);
    }
  }

  @Test
  void saturationZeroGivesGrayAndOneKeepsTheImage() {
    float[] img = Images.random(rgb, 6);
    float[] gray = img.clone();
    ColorJitter.saturation(gray, rgb, 0f, new float[rgb.plane()]);
    int n = rgb.plane();
    for (int k = 0; k < n; k++) {
      float l = 0.299f * img[k] + 0.587f * img[n + k] + 0.114f * img[2 * n + k];
      assertEquals(l, gray[k], 1e-6);
      assertEquals(l, gray[n + k], 1e-6);
      assertEquals(l, gray[2 * n + k], 1e-6);
    }
    float[] same = img.clone();
    ColorJitter.saturation(same, rgb, 1f, new float[n]);
    assertArrayEquals(img, same, 1e-6f);
  }

  @Test
  void hueRotatesPrimariesAndZeroShiftKeepsColours() {
    ImageShape one = new ImageShape(3, 1, 1);
    float[] red = {1, 0, 0};
    float[] a = red.clone();
    ColorJitter.hue(a, one, 1f / 3f);
    assertArrayEquals(new float[] {0, 1, 0}, a, 1e-5f);
    float[] b = red.clone();
    ColorJitter.hue(b, one, -1f / 3f);
    assertArrayEquals(new float[] {0, 0, 1}, b, 1e-5f);
    float[] img = Images.random(rgb, 7);
    float[] c = img.clone();
    ColorJitter.hue(c, rgb, 0f);
    assertArrayEquals(img, c, 1e-5f);
  }

  @Test
  void hueShiftAgreesWithJavaAwtHsv() {
    ImageShape one = new ImageShape(3, 1, 1);
    java.util.SplittableRandom r = new java.util.SplittableRandom(8);
    for (int t = 0; t < 200; t++) {
      float[] px = {r.nextFloat(), r.nextFloat(), r.nextFloat()};
      float d = (float) (r.nextDouble() - 0.5) * 0.4f;
      float[] hsb = java.awt.Color.RGBtoHSB(
          Math.round(px[0] * 255), Math.round(px[1] * 255), Math.round(px[2] * 255), null);
      float[] q = {Math.round(px[0] * 255) / 255f, Math.round(px[1] * 255) / 255f, Math.round(px[2] * 255) / 255f};
      ColorJitter.hue(q, one, d);
      float h = hsb[0] + d;
      h = h - (float) Math.floor(h);
      int rgbInt = java.awt.Color.HSBtoRGB(h, hsb[1], hsb[2]);
      assertEquals(((rgbInt >> 16) & 0xFF) / 255f, q[0], 1.5f / 255f);
      assertEquals(((rgbInt >> 8) & 0xFF) / 255f, q[1], 1.5f / 255f);
      assertEquals((rgbInt & 0xFF) / 255f, q[2], 1.5f / 255f);
    }
  }

  @Test
  void saturationAndHueAreNoOpsOnOneChannel() {
    ImageShape g = new ImageShape(1, 5, 5);
    float[] img = Images.random(g, 9);
    assertArrayEquals(img, Images.apply(new ColorJitter(0, 0, 0.9, 0.5, 1.0), img, g, 1));
  }

  @Test
  void fullJitterStaysInRange() {
    ColorJitter j = new ColorJitter(0.8, 0.8, 0.8, 0.5, 1.0);
    for (int seed = 0; seed < 30; seed++) {
      Images.assertInUnitRange(Images.apply(j, Images.random(rgb, seed), rgb, seed));
    }
  }

  @Test
  void rejectsBadStrengths() {
    assertThrows(IllegalArgumentException.class, () -> new ColorJitter(-0.1, 0, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0, 0, 0, 0.6, 1));
    assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0, 0, 0, 0, 1.5));
  }
}
