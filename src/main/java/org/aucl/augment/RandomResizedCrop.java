package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomResizedCrop(size, scale, ratio)}: a box of random area (a fraction
 * {@code scale} of the image) and aspect ratio (width / height, log-uniform in {@code ratio}) is cut
 * out and resampled bilinearly to {@code outH x outW}.
 *
 * <p>The box is sampled exactly as torchvision's {@code get_params}: up to 10 tries of area
 * {@code U(scale) * H * W} and ratio {@code exp(U(log ratio))}, with
 * {@code w = round(sqrt(area * ratio))}, {@code h = round(sqrt(area / ratio))} (round half to even,
 * as Python) and a uniform position; if no try fits, the centre crop of the whole image clamped to the
 * ratio range. The box is resampled as torchvision resamples it ({@link Resampling}: antialiased when it
 * shrinks).
 *
 * <p>Input {@code C x H x W}, output {@code C x outH x outW}.
 */
public final class RandomResizedCrop implements ViewTransform {
  private static final int TRIES = 10;

  /** A crop box: top row, left column, height and width in pixels. */
  public record Box(int top, int left, int height, int width) {}

  private final int outH;
  private final int outW;
  private final double scaleMin;
  private final double scaleMax;
  private final double logRatioMin;
  private final double logRatioMax;
  private final double ratioMin;
  private final double ratioMax;

  public RandomResizedCrop(int outH, int outW, double scaleMin, double scaleMax, double ratioMin, double ratioMax) {
    if (outH <= 0 || outW <= 0) {
      throw new IllegalArgumentException("crop output size must be positive, got " + outH + "x" + outW + ".");
    }
    if (!(scaleMin > 0 && scaleMin <= scaleMax && scaleMax <= 1)) {
      throw new IllegalArgumentException(
          "crop scale range must satisfy 0 < min <= max <= 1, got (" + scaleMin + ", " + scaleMax + ").");
    }
    if (!(ratioMin > 0 && ratioMin <= ratioMax)) {
      throw new IllegalArgumentException(
          "crop ratio range must satisfy 0 < min <= max, got (" + ratioMin + ", " + ratioMax + ").");
    }
    this.outH = outH;
    this.outW = outW;
    this.scaleMin = scaleMin;
    this.scaleMax = scaleMax;
    this.ratioMin = ratioMin;
    this.ratioMax = ratioMax;
    this.logRatioMin = StrictMath.log(ratioMin);
    this.logRatioMax = StrictMath.log(ratioMax);
  }

  /** torchvision's defaults: scale (0.08, 1), ratio (3/4, 4/3). */
  public static RandomResizedCrop withDefaults(int outH, int outW) {
    return new RandomResizedCrop(outH, outW, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in.withSize(outH, outW);
  }

  /** Samples a crop box of an {@code height x width} image (torchvision's {@code get_params}). */
  public Box sampleBox(int height, int width, SplittableRandom rng) {
    double area = (double) height * width;
    for (int t = 0; t < TRIES; t++) {
      double targetArea = area * uniform(rng, scaleMin, scaleMax);
      double aspect = StrictMath.exp(uniform(rng, logRatioMin, logRatioMax));
      int w = (int) Math.rint(Math.sqrt(targetArea * aspect));
      int h = (int) Math.rint(Math.sqrt(targetArea / aspect));
      if (0 < w && w <= width && 0 < h && h <= height) {
        int i = rng.nextInt(height - h + 1);
        int j = rng.nextInt(width - w + 1);
        return new Box(i, j, h, w);
      }
    }
    double inRatio = (double) width / height;
    int w;
    int h;
    if (inRatio < ratioMin) {
      w = width;
      h = (int) Math.rint(w / ratioMin);
    } else if (inRatio > ratioMax) {
      h = height;
      w = (int) Math.rint(h * ratioMax);
    } else {
      w = width;
      h = height;
    }
    return new Box((height - h) / 2, (width - w) / 2, h, w);
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    Box b = sampleBox(in.height(), in.width(), rng);
    Resampling.resample(src, in, b.top(), b.left(), b.height(), b.width(), dst, outH, outW, this, scratch);
  }

  static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
  }

  @Override
  public String toString() {
    return "RandomResizedCrop(" + outH + "x" + outW + ", scale=(" + scaleMin + ", " + scaleMax
        + "), ratio=(" + ratioMin + ", " + ratioMax + "))";
  }
}
