package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomSolarize(threshold, p)}: with probability {@code p}, every value
 * {@code x >= threshold} becomes {@code 1 - x}. Shape preserved; works in place.
 */
public final class Solarize implements ViewTransform {
  private final float threshold;
  private final double p;

  public Solarize(double threshold, double p) {
    this.threshold = (float) threshold;
    this.p = Probability.check(p, "solarize probability");
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in;
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    if (rng.nextDouble() < p) {
      int len = in.size();
      for (int k = 0; k < len; k++) {
        float x = src[k];
        dst[k] = x >= threshold ? 1f - x : x;
      }
    } else {
      ViewTransform.copyIfNeeded(src, dst, in.size());
    }
  }

  @Override
  public String toString() {
    return "Solarize(threshold=" + threshold + ", p=" + p + ")";
  }
}
