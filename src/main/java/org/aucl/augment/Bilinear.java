package org.aucl.augment;

/**
 * Bilinear resampling of a box of a CHW image to a new size, as PyTorch's
 * {@code interpolate(mode="bilinear", align_corners=False, antialias=False)}: output pixel {@code o}
 * samples source coordinate {@code (o + 0.5) * box / out - 0.5}, clamped below at 0, between the two
 * neighbouring pixels (the upper one clamped to the box's last pixel).
 *
 * <p>Indices and weights are computed once per output row and column, so the inner loop is four
 * loads, six multiplications and no branches.
 */
final class Bilinear {
  private Bilinear() {}

  /**
   * Resamples the box {@code (top, left, boxH, boxW)} of {@code src} (shape {@code in}) to
   * {@code outH x outW} into {@code dst} (shape {@code in.channels() x outH x outW}).
   */
  static void resample(
      float[] src, ImageShape in, int top, int left, int boxH, int boxW,
      float[] dst, int outH, int outW, Object owner, Scratch scratch) {
    int[] xi = scratch.ints(owner, 0, 2 * outW);
    float[] xw = scratch.floats(owner, 0, outW);
    int[] yi = scratch.ints(owner, 1, 2 * outH);
    float[] yw = scratch.floats(owner, 1, outH);
    taps(boxW, outW, left, xi, xw);
    taps(boxH, outH, top, yi, yw);
    int w = in.width();
    int plane = in.plane();
    int o = 0;
    for (int c = 0; c < in.channels(); c++) {
      int base = c * plane;
      for (int oy = 0; oy < outH; oy++) {
        int r0 = base + yi[2 * oy] * w;
        int r1 = base + yi[2 * oy + 1] * w;
        float wy1 = yw[oy];
        float wy0 = 1f - wy1;
        for (int ox = 0; ox < outW; ox++) {
          int x0 = xi[2 * ox];
          int x1 = xi[2 * ox + 1];
          float wx1 = xw[ox];
          float wx0 = 1f - wx1;
          float top0 = src[r0 + x0] * wx0 + src[r0 + x1] * wx1;
          float bot = src[r1 + x0] * wx0 + src[r1 + x1] * wx1;
          dst[o++] = top0 * wy0 + bot * wy1;
        }
      }
    }
  }

  /** For each output index: the two source indices (offset by {@code start}) and the upper weight. */
  static void taps(int inSize, int outSize, int start, int[] idx, float[] weight) {
    float scale = (float) inSize / outSize;
    for (int o = 0; o < outSize; o++) {
      float s = scale * (o + 0.5f) - 0.5f;
      if (s < 0f) {
        s = 0f;
      }
      int i0 = (int) s;
      int i1 = i0 < inSize - 1 ? i0 + 1 : i0;
      float l1 = Math.min(Math.max(s - i0, 0f), 1f);
      idx[2 * o] = start + i0;
      idx[2 * o + 1] = start + i1;
      weight[o] = l1;
    }
  }
}
