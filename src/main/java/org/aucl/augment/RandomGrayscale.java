package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomGrayscale(p)}: with probability {@code p}, every channel of a 3-channel
 * image becomes its luma ({@link Luma}); the channel count is kept. Images with another channel count
 * are left as they are (torchvision accepts only 1 or 3 channels, and 1 channel is already gray).
 */
public final class RandomGrayscale implements ViewTransform {
  private final double p;

  public RandomGrayscale(double p) {
    this.p = Probability.check(p, "grayscale probability");
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in;
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    if (rng.nextDouble() < p && in.channels() == 3) {
      int n = in.plane();
      for (int k = 0; k < n; k++) {
        float l = Luma.R * src[k] + Luma.G * src[n + k] + Luma.B * src[2 * n + k];
        dst[k] = l;
        dst[n + k] = l;
        dst[2 * n + k] = l;
      }
    } else {
      ViewTransform.copyIfNeeded(src, dst, in.size());
    }
  }

  @Override
  public String toString() {
    return "RandomGrayscale(p=" + p + ")";
  }
}
