package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomHorizontalFlip(p)}: mirrors every row (column {@code x} becomes
 * {@code W - 1 - x}) with probability {@code p}. Shape preserved; works in place.
 */
public final class HorizontalFlip implements ViewTransform {
  private final double p;

  public HorizontalFlip(double p) {
    this.p = Probability.check(p, "flip probability");
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in;
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    if (rng.nextDouble() < p) {
      mirror(src, in, dst);
    } else {
      ViewTransform.copyIfNeeded(src, dst, in.size());
    }
  }

  /** Mirrors every row of {@code src} into {@code dst} (may be the same array). */
  public static void mirror(float[] src, ImageShape in, float[] dst) {
    int w = in.width();
    int rows = in.channels() * in.height();
    for (int r = 0; r < rows; r++) {
      int lo = r * w;
      int hi = lo + w - 1;
      while (lo <= hi) {
        float a = src[lo];
        float b = src[hi];
        dst[lo++] = b;
        dst[hi--] = a;
      }
    }
  }

  @Override
  public String toString() {
    return "HorizontalFlip(p=" + p + ")";
  }
}
