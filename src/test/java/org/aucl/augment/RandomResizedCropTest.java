package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomResizedCropTest {

  @Test
  void sampledBoxesLieInsideTheImageWithAreaAndRatioInRange() {
    RandomResizedCrop crop = new RandomResizedCrop(32, 32, 0.2, 0.9, 0.75, 4.0 / 3.0);
    SplittableRandom rng = new SplittableRandom(7);
    int h = 40;
    int w = 50;
    for (int t = 0; t < 5000; t++) {
      RandomResizedCrop.Box b = crop.sampleBox(h, w, rng);
      assertTrue(b.top() >= 0 && b.left() >= 0 && b.top() + b.height() <= h && b.left() + b.width() <= w, b.toString());
      // w and h are rounded: allow half a pixel on each side
      double maxArea = (b.width() + 0.5) * (b.height() + 0.5) / (h * w);
      double minArea = (b.width() - 0.5) * (b.height() - 0.5) / (h * w);
      assertTrue(maxArea >= 0.2 && minArea <= 0.9, "area fraction out of range: " + b);
      double ratioHi = (b.width() + 0.5) / (b.height() - 0.5);
      double ratioLo = (b.width() - 0.5) / (b.height() + 0.5);
      assertTrue(ratioHi >= 0.75 && ratioLo <= 4.0 / 3.0, "ratio out of range: " + b);
    }
  }

  @Test
  void positionsCoverTheWholeRange() {
    RandomResizedCrop crop = new RandomResizedCrop(8, 8, 0.25, 0.25, 1, 1);
    SplittableRandom rng = new SplittableRandom(3);
    boolean[] tops = new boolean[9];
    for (int t = 0; t < 2000; t++) {
      RandomResizedCrop.Box b = crop.sampleBox(16, 16, rng);
      assertEquals(8, b.height());
      assertEquals(8, b.width());
      tops[b.top()] = true;
    }
    for (boolean seen : tops) {
      assertTrue(seen, "every top row 0..8 should be drawn");
    }
  }

  @Test
  void fallsBackToTheCentreCropClampedToTheRatio() {
    // ratio (2, 3) cannot fit a tall 40x10 image in any try: fallback w = 10, h = round(10 / 2) = 5
    RandomResizedCrop crop = new RandomResizedCrop(4, 4, 0.9, 1.0, 2.0, 3.0);
    RandomResizedCrop.Box b = crop.sampleBox(40, 10, new SplittableRandom(1));
    assertEquals(new RandomResizedCrop.Box(17, 0, 5, 10), b);
    // a wide 10x40 image with ratio (0.2, 0.25): h = 10, w = round(10 * 0.25) = 2 (half-even 2.5 -> 2)
    RandomResizedCrop tall = new RandomResizedCrop(4, 4, 0.9, 1.0, 0.2, 0.25);
    assertEquals(new RandomResizedCrop.Box(0, 19, 10, 2), tall.sampleBox(10, 40, new SplittableRandom(1)));
  }

  @Test
  void fullBoxAtTheSameSizeIsTheIdentity() {
    ImageShape s = new ImageShape(3, 9, 9);
    float[] img = Images.random(s, 1);
    RandomResizedCrop crop = new RandomResizedCrop(9, 9, 1.0, 1.0, 1.0, 1.0);
    assertArrayEquals(img, Images.apply(crop, img, s, 5));
  }

  @Test
  void bilinearMatchesPyTorchAlignCornersFalse() {
    // torch.nn.functional.interpolate(x, size=(4, 4), mode="bilinear", align_corners=False)
    ImageShape s = new ImageShape(1, 2, 2);
    float[] img = {0, 1, 2, 3};
    float[] expected = {
      0.0f, 0.25f, 0.75f, 1.0f,
      0.5f, 0.75f, 1.25f, 1.5f,
      1.5f, 1.75f, 2.25f, 2.5f,
      2.0f, 2.25f, 2.75f, 3.0f
    };
    assertArrayEquals(expected, Images.apply(new Resize(4, 4), img, s, 0), 1e-6f);
  }

  @Test
  void enlargingIsBilinearAsANaiveReference() {
    // Shrinking is antialiased, checked against PIL in AntialiasedTest.
    ImageShape s = new ImageShape(2, 7, 11);
    float[] img = Images.random(s, 4);
    int oh = 9;
    int ow = 13;
    float[] out = Images.apply(new Resize(oh, ow), img, s, 0);
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < oh; y++) {
        for (int x = 0; x < ow; x++) {
          double sy = Math.max(0, (y + 0.5) * 7 / oh - 0.5);
          double sx = Math.max(0, (x + 0.5) * 11 / ow - 0.5);
          int y0 = (int) sy;
          int x0 = (int) sx;
          int y1 = Math.min(y0 + 1, 6);
          int x1 = Math.min(x0 + 1, 10);
          double ly = sy - y0;
          double lx = sx - x0;
          double v = (1 - ly) * ((1 - lx) * img[c * 77 + y0 * 11 + x0] + lx * img[c * 77 + y0 * 11 + x1])
              + ly * ((1 - lx) * img[c * 77 + y1 * 11 + x0] + lx * img[c * 77 + y1 * 11 + x1]);
          assertEquals(v, out[c * oh * ow + y * ow + x], 1e-5);
        }
      }
    }
  }

  @Test
  void outputHasTheRequestedShapeAndStaysInRange() {
    ImageShape s = new ImageShape(3, 28, 28);
    RandomResizedCrop crop = RandomResizedCrop.withDefaults(32, 24);
    assertEquals(new ImageShape(3, 32, 24), crop.outputShape(s));
    for (int seed = 0; seed < 20; seed++) {
      float[] out = Images.apply(crop, Images.random(s, seed), s, seed);
      assertEquals(3 * 32 * 24, out.length);
      Images.assertInUnitRange(out);
    }
  }

  @Test
  void rejectsImpossibleRanges() {
    assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(8, 8, 0.5, 0.2, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(8, 8, 0.0, 1.0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(0, 8, 0.1, 1.0, 1, 1));
  }
}
