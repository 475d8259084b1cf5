package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HorizontalFlipTest {
  private final ImageShape s = new ImageShape(3, 4, 5);

  @Test
  void mirrorsEveryRowExactly() {
    float[] img = Images.random(s, 1);
    float[] out = Images.apply(new HorizontalFlip(1.0), img, s, 0);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 5; x++) {
          assertEquals(img[c * 20 + y * 5 + (4 - x)], out[c * 20 + y * 5 + x]);
        }
      }
    }
  }

  @Test
  void flippingTwiceIsTheIdentityAlsoInPlace() {
    float[] img = Images.random(s, 2);
    float[] copy = img.clone();
    HorizontalFlip.mirror(copy, s, copy);
    HorizontalFlip.mirror(copy, s, copy);
    assertArrayEquals(img, copy);
  }

  @Test
  void probabilityZeroCopiesAndHalfFlipsAboutHalf() {
    float[] img = Images.random(s, 3);
    assertArrayEquals(img, Images.apply(new HorizontalFlip(0.0), img, s, 9));
    HorizontalFlip half = new HorizontalFlip(0.5);
    SplittableRandom rng = new SplittableRandom(4);
    float[] dst = new float[s.size()];
    int flipped = 0;
    for (int t = 0; t < 2000; t++) {
      half.apply(img, s, dst, rng, new Scratch());
      if (dst[0] != img[0]) {
        flipped++;
      }
    }
    assertTrue(flipped > 900 && flipped < 1100, "flipped " + flipped + " of 2000");
  }
}
