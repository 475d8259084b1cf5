package org.aucl.data;

/**
 * Separable resampling of a box of a CHW image with an antialias filter, as PIL's {@code Image.resize}
 * and PyTorch's {@code interpolate(..., antialias=True)} (which torchvision's {@code Resize} and
 * {@code RandomResizedCrop} use): when shrinking by a factor {@code s > 1} the kernel is stretched to
 * {@code s} times its width, so every source pixel contributes and fine detail averages out instead of
 * aliasing; when enlarging it is the plain kernel.
 *
 * <p>Output index {@code o} of an axis of box length {@code in} and output length {@code out} is centred
 * at {@code c = (o + 0.5) * s} with {@code s = in / out}; it takes source pixels {@code j} in
 * {@code [max(0, (int) (c - r + 0.5)), min(in, (int) (c + r + 0.5)))}, {@code r = support * max(s, 1)},
 * weighted {@code filter((j - c + 0.5) / max(s, 1))} and normalised to sum 1. Pixels outside the box
 * never contribute (the box is cut first, as torchvision's {@code resized_crop} does). Columns are
 * resampled first, then rows, in float with weights computed in double.
 */
public final class Antialiased {
  private Antialiased() {}

  /** True when either axis of a {@code boxH x boxW} box shrinks to {@code outH x outW}. */
  public static boolean shrinks(int boxH, int boxW, int outH, int outW) {
    return boxH > outH || boxW > outW;
  }

  /**
   * Resamples the box {@code (top, left, boxH, boxW)} of {@code src} ({@code channels x height x width}) to
   * {@code outH x outW} into {@code dst} ({@code channels x outH x outW}), with work arrays from {@code work}.
   */
  public static void resample(
      float[] src, int channels, int height, int width, int top, int left, int boxH, int boxW,
      float[] dst, int outH, int outW, ResampleFilter filter, WorkArrays work) {
    int kx = taps(boxW, outW, filter);
    int ky = taps(boxH, outH, filter);
    int[] xs = work.ints(0, outW);
    float[] xw = work.floats(0, outW * kx);
    int[] ys = work.ints(1, outH);
    float[] yw = work.floats(1, outH * ky);
    weights(boxW, outW, filter, kx, xs, xw);
    weights(boxH, outH, filter, ky, ys, yw);
    // Columns first, tap by tap over whole rows of the box (the JIT vectorises it), then rows on the
    // outH rows left: the scalar pass runs over outH rows instead of boxH. PIL runs rows first; the two
    // orders differ by float rounding only.
    float[] cols = work.floats(2, channels * outH * boxW);
    int w = width;
    int plane = height * width;
    for (int c = 0; c < channels; c++) {
      for (int oy = 0; oy < outH; oy++) {
        int k = oy * ky;
        int d = (c * outH + oy) * boxW;
        for (int x = 0; x < boxW; x++) {
          cols[d + x] = 0f;
        }
        for (int t = 0; t < ky; t++) {
          float wt = yw[k + t];
          if (wt == 0f) {
            continue;
          }
          int from = c * plane + (top + ys[oy] + t) * w + left;
          for (int x = 0; x < boxW; x++) {
            cols[d + x] += src[from + x] * wt;
          }
        }
      }
    }
    for (int r = 0; r < channels * outH; r++) {
      int row = r * boxW;
      int o = r * outW;
      for (int ox = 0; ox < outW; ox++) {
        int s = row + xs[ox];
        int k = ox * kx;
        float sum = 0f;
        for (int t = 0; t < kx; t++) {
          sum += cols[s + t] * xw[k + t];
        }
        dst[o + ox] = sum;
      }
    }
  }

  /** Taps per output pixel (the widest window; narrower ones are padded with zero weights). */
  static int taps(int in, int out, ResampleFilter filter) {
    double scale = (double) in / out;
    double support = filter.support() * Math.max(scale, 1.0);
    return Math.min(in, (int) Math.ceil(support) * 2 + 1);
  }

  /**
   * For each output index {@code o}: the first source index {@code first[o]} and {@code k} weights at
   * {@code weight[o * k ...]} (zero past the window), summing to 1.
   */
  static void weights(int in, int out, ResampleFilter filter, int k, int[] first, float[] weight) {
    double scale = (double) in / out;
    double stretch = Math.max(scale, 1.0);
    double support = filter.support() * stretch;
    double[] w = new double[k];
    for (int o = 0; o < out; o++) {
      double centre = (o + 0.5) * scale;
      int lo = Math.max(0, (int) (centre - support + 0.5));
      int hi = Math.min(in, (int) (centre + support + 0.5));
      // Keep the k-wide window inside the box; the pixels it adds past the filter's reach weigh 0.
      int start = Math.max(0, Math.min(lo, in - k));
      double total = 0.0;
      for (int t = 0; t < k; t++) {
        int j = start + t;
        double v = j >= lo && j < hi ? filter.weight((j - centre + 0.5) / stretch) : 0.0;
        w[t] = v;
        total += v;
      }
      first[o] = start;
      for (int t = 0; t < k; t++) {
        weight[o * k + t] = (float) (total == 0.0 ? 0.0 : w[t] / total);
      }
    }
  }
}
