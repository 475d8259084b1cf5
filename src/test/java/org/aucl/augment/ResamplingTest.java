package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.aucl.data.Antialiased;
import org.aucl.data.AntialiasedReference;
import org.aucl.data.ResampleFilter;
import org.aucl.data.WorkArrays;
import org.junit.jupiter.api.Test;

/** Which resampler the transforms use: antialiased when an axis shrinks (org.aucl.data.AntialiasedTest), else 2-tap. */
class ResamplingTest {
  private static final ImageShape INPUT = new ImageShape(3, 48, 64);

  @Test
  void theTransformsShrinkWithTheAntialiasFilter() throws IOException {
    float[] dst = new float[3 * 10 * 30];
    Resampling.resample(AntialiasedReference.input(), INPUT, 3, 7, 40, 20, dst, 10, 30, this, new Scratch());
    assertArrayEquals(AntialiasedReference.reference("bilinear-mixed-30x10", dst.length), dst, 1e-6f);
  }

  @Test
  void theReferenceTellsAntialiasFromPlainBilinear() throws IOException {
    float[] dst = new float[3 * 13 * 17];
    Bilinear.resample(AntialiasedReference.input(), INPUT, 0, 0, 48, 64, dst, 13, 17, this, new Scratch());
    float[] ref = AntialiasedReference.reference("bilinear-17x13", dst.length);
    float worst = 0f;
    for (int i = 0; i < dst.length; i++) {
      worst = Math.max(worst, Math.abs(ref[i] - dst[i]));
    }
    assertTrue(worst > 0.2f, "4-tap bilinear should alias on the fine detail, largest difference " + worst);
  }

  @Test
  void withoutShrinkingTheFilterIsThePlainBilinearInterpolation() {
    float[] src = new float[2 * 7 * 9];
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < src.length; i++) {
      src[i] = (float) rng.nextDouble();
    }
    ImageShape in = new ImageShape(2, 7, 9);
    float[] plain = new float[2 * 11 * 16];
    float[] filtered = new float[plain.length];
    Bilinear.resample(src, in, 1, 2, 6, 7, plain, 11, 16, this, new Scratch());
    Antialiased.resample(src, 2, 7, 9, 1, 2, 6, 7, filtered, 11, 16, ResampleFilter.BILINEAR, WorkArrays.fresh());
    assertArrayEquals(plain, filtered, 1e-6f);
    float[] chosen = new float[plain.length];
    Resampling.resample(src, in, 1, 2, 6, 7, chosen, 11, 16, this, new Scratch());
    assertArrayEquals(plain, chosen, 0f);
  }
}
