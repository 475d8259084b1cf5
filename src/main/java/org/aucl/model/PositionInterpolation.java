package org.aucl.model;

/**
 * Resamples a grid of position embeddings to another grid size, as PyTorch's
 * {@code F.interpolate(mode="bicubic", align_corners=False)} with an output size (no antialias):
 * output pixel i samples source coordinate {@code (i + 0.5) in / out - 0.5} with Keys' cubic kernel
 * (a = -0.75) on the four nearest source pixels, indices clamped to the border.
 *
 * <p>Bicubic is separable, so the whole resampling of an {@code inH x inW} grid to {@code outH x outW}
 * is one matrix {@code kron(A_h, A_w)} of shape {@code (outH outW) x (inH inW)}, applied to the
 * {@code (inH inW) x dim} embeddings by a matrix product; the product is differentiable, so the
 * learned embeddings get gradients from crops of any size.
 */
public final class PositionInterpolation {
  private static final double A = -0.75;

  private PositionInterpolation() {}

  /** The 1-D bicubic resampling matrix, {@code out x in} (row i holds the weights of output i). */
  public static double[][] bicubic(int out, int in) {
    if (out < 1 || in < 1) {
      throw new IllegalArgumentException("Grid sizes must be positive, got " + out + " and " + in + ".");
    }
    double[][] w = new double[out][in];
    double scale = (double) in / out;
    for (int i = 0; i < out; i++) {
      double real = scale * (i + 0.5) - 0.5;
      int x0 = (int) Math.floor(real);
      double t = real - x0;
      double[] c = {far(t + 1), near(t), near(1 - t), far(2 - t)};
      for (int k = 0; k < 4; k++) {
        int idx = Math.min(Math.max(x0 - 1 + k, 0), in - 1);
        w[i][idx] += c[k];
      }
    }
    return w;
  }

  /** Keys' kernel for |x| <= 1. */
  private static double near(double x) {
    return ((A + 2) * x - (A + 3)) * x * x + 1;
  }

  /** Keys' kernel for 1 < |x| < 2. */
  private static double far(double x) {
    return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
  }

  /**
   * The 2-D resampling matrix, row-major over both grids: {@code (outH outW) x (inH inW)}, flattened
   * row by row.
   */
  public static float[] matrix(int outH, int outW, int inH, int inW) {
    double[][] ah = bicubic(outH, inH);
    double[][] aw = bicubic(outW, inW);
    int cols = inH * inW;
    float[] m = new float[outH * outW * cols];
    for (int i = 0; i < outH; i++) {
      for (int j = 0; j < outW; j++) {
        int row = (i * outW + j) * cols;
        for (int a = 0; a < inH; a++) {
          for (int b = 0; b < inW; b++) {
            m[row + a * inW + b] = (float) (ah[i][a] * aw[j][b]);
          }
        }
      }
    }
    return m;
  }
}
