package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * Deterministic bilinear resize of the whole image to {@code outH x outW} (antialiased when shrinking:
 * {@link Resampling}); the identity
 * (a copy) when the size already matches. Input {@code C x H x W}, output {@code C x outH x outW}.
 */
public final class Resize implements ViewTransform {
  private final int outH;
  private final int outW;

  public Resize(int outH, int outW) {
    if (outH <= 0 || outW <= 0) {
      throw new IllegalArgumentException("resize output size must be positive, got " + outH + "x" + outW + ".");
    }
    this.outH = outH;
    this.outW = outW;
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in.withSize(outH, outW);
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    if (in.height() == outH && in.width() == outW) {
      ViewTransform.copyIfNeeded(src, dst, in.size());
      return;
    }
    Resampling.resample(src, in, 0, 0, in.height(), in.width(), dst, outH, outW, this, scratch);
  }

  @Override
  public String toString() {
    return "Resize(" + outH + "x" + outW + ")";
  }
}
