package org.aucl.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * torchvision's {@code Normalize(mean, std)}: channel {@code c} becomes {@code (x - mean[c]) / std[c]}.
 * The statistics must have one value per channel (see {@link #forChannels}). Shape preserved.
 */
public final class Normalize implements ViewTransform {
  private final float[] mean;
  private final float[] std;

  public Normalize(float[] mean, float[] std) {
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException(
          "normalisation needs as many std values as mean values (at least one), got "
              + mean.length + " and " + std.length + ".");
    }
    this.mean = mean.clone();
    this.std = std.clone();
    for (int c = 0; c < std.length; c++) {
      if (!(std[c] > 0)) {
        throw new IllegalArgumentException("normalisation std must be positive, got " + std[c] + ".");
      }
    }
  }

  /**
   * Statistics fitted to {@code channels}: as given when the lengths match; a single value repeated
   * for every channel; several values averaged into one for a 1-channel image (e.g. RGB statistics
   * on a grayscale dataset). Any other mismatch is an error.
   */
  public static Normalize forChannels(float[] mean, float[] std, int channels) {
    return new Normalize(fit(mean, channels, "mean"), fit(std, channels, "std"));
  }

  static float[] fit(float[] v, int channels, String what) {
    if (v.length == channels) {
      return v.clone();
    }
    if (v.length == 1) {
      float[] out = new float[channels];
      Arrays.fill(out, v[0]);
      return out;
    }
    if (channels == 1) {
      double sum = 0;
      for (float x : v) {
        sum += x;
      }
      return new float[] {(float) (sum / v.length)};
    }
    throw new IllegalArgumentException(
        "normalisation " + what + " has " + v.length + " values but the images have " + channels + " channels.");
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] std() {
    return std.clone();
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    if (in.channels() != mean.length) {
      throw new IllegalArgumentException(
          "normalisation has " + mean.length + " channels but the image has " + in.channels() + ".");
    }
    return in;
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    int n = in.plane();
    for (int c = 0; c < in.channels(); c++) {
      float m = mean[c];
      float s = std[c];
      int end = (c + 1) * n;
      for (int k = c * n; k < end; k++) {
        dst[k] = (src[k] - m) / s;
      }
    }
  }

  @Override
  public String toString() {
    return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
  }
}
