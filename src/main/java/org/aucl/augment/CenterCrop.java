package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * torchvision's evaluation resize, {@code Resize(side)} then {@code CenterCrop(side)}: the image is
 * resampled so that its short side is {@code side} (the long side {@code (int) (side * long / short)},
 * aspect ratio kept, antialiased when shrinking: {@link Resampling}), then the centre
 * {@code side x side} square is cut, its top-left corner at {@code round((H' - side) / 2)} (half to even,
 * as Python). An image already {@code side x side} is copied. Input {@code C x H x W}, output
 * {@code C x side x side}.
 */
public final class CenterCrop implements ViewTransform {
  private final int side;

  public CenterCrop(int side) {
    if (side <= 0) {
      throw new IllegalArgumentException("centre crop size must be positive, got " + side + ".");
    }
    this.side = side;
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in.withSize(side, side);
  }

  /** Height and width after {@code Resize(side)}: the short side becomes {@code side}. */
  static int[] resized(int h, int w, int side) {
    int longer = (int) ((double) side * Math.max(h, w) / Math.min(h, w));
    return w <= h ? new int[] {longer, side} : new int[] {side, longer};
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    if (in.height() == side && in.width() == side) {
      ViewTransform.copyIfNeeded(src, dst, in.size());
      return;
    }
    int[] hw = resized(in.height(), in.width(), side);
    int rh = hw[0];
    int rw = hw[1];
    float[] resized = scratch.floats(this, 3, in.channels() * rh * rw); // slots 0 to 2 and 4 up are the resampler's
    Resampling.resample(src, in, 0, 0, in.height(), in.width(), resized, rh, rw, this, scratch);
    int top = (int) Math.rint((rh - side) / 2.0);
    int left = (int) Math.rint((rw - side) / 2.0);
    int o = 0;
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < side; y++) {
        System.arraycopy(resized, (c * rh + top + y) * rw + left, dst, o, side);
        o += side;
      }
    }
  }

  @Override
  public String toString() {
    return "CenterCrop(resize short side to " + side + ", crop " + side + "x" + side + ")";
  }
}
