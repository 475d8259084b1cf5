package org.aucl.augment;

import org.aucl.data.Antialiased;
import org.aucl.data.ResampleFilter;

/**
 * The bilinear resampling of every transform that changes the size: torchvision's (PIL's resize, or
 * {@code interpolate(antialias=True)} on tensors). When neither axis shrinks the antialias filter is the
 * plain 2-tap interpolation, so {@link Bilinear} computes it (and keeps the arrays of every job that
 * never shrinks, such as the default one, bit for bit what they were); when an axis shrinks,
 * {@link Antialiased} widens the filter.
 */
final class Resampling {
  private Resampling() {}

  static void resample(
      float[] src, ImageShape in, int top, int left, int boxH, int boxW,
      float[] dst, int outH, int outW, Object owner, Scratch scratch) {
    if (Antialiased.shrinks(boxH, boxW, outH, outW)) {
      Antialiased.resample(src, in.channels(), in.height(), in.width(), top, left, boxH, boxW, dst, outH, outW,
          ResampleFilter.BILINEAR, scratch.work(owner));
    } else {
      Bilinear.resample(src, in, top, left, boxH, boxW, dst, outH, outW, owner, scratch);
    }
  }
}
