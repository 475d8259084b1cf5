package org.aucl.eval;

import java.util.stream.IntStream;

/**
 * A change of variables that makes {@link SoftmaxRegression}'s problem well conditioned without changing it:
 * the rows' second moment plus a ridge, {@code S = X^T X / n + eps I = L L^T} (Cholesky), whitened rows
 * {@code x' = L^-1 x}, and weights {@code v = w L}, so that {@code v.x' = w.x} for every row. L-BFGS on v
 * sees a Hessian close to a multiple of the identity where on w it saw S, whose eigenvalues spread over
 * orders of magnitude for a network's features (thousands of iterations instead of tens to hundreds).
 * The penalty stays {@code |w|^2}, so the minimiser is the same model.
 */
final class Whitening {
  private static final int BLOCK = 4096;

  private final int d;
  /** Lower-triangular Cholesky factor, row-major d x d. */
  private final double[] l;

  private Whitening(int d, double[] l) {
    this.d = d;
    this.l = l;
  }

  /**
   * The whitening of {@code f}'s rows, with ridge {@code eps} added to the second moment's diagonal
   * (positive: a constant or repeated feature would otherwise make S singular).
   */
  static Whitening of(Features f, double eps) {
    int d = f.dim();
    int blocks = (f.n() + BLOCK - 1) / BLOCK;
    double[][] parts = IntStream.range(0, blocks).parallel()
        .mapToObj(b -> secondMoment(f, b * BLOCK, Math.min(f.n(), (b + 1) * BLOCK)))
        .toArray(double[][]::new);
    double[] s = new double[d * d];
    for (double[] part : parts) { // summed in block order: the same factor on any number of cores
      for (int j = 0; j < s.length; j++) {
        s[j] += part[j];
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        s[i * d + j] /= f.n();
      }
      s[i * d + i] += eps;
    }
    return new Whitening(d, cholesky(s, d));
  }

  /** The mean of the squared features (the trace of the second moment over d), which scales the ridge. */
  static double meanSquare(Features f) {
    double sum = 0;
    for (float v : f.data()) {
      sum += (double) v * v;
    }
    return sum / Math.max(1, f.data().length);
  }

  /** Lower triangle of the rows' sum of outer products. */
  private static double[] secondMoment(Features f, int lo, int hi) {
    int d = f.dim();
    float[] x = f.data();
    double[] s = new double[d * d];
    for (int r = lo; r < hi; r++) {
      int off = r * d;
      for (int i = 0; i < d; i++) {
        double xi = x[off + i];
        int row = i * d;
        for (int j = 0; j <= i; j++) {
          s[row + j] += xi * x[off + j];
        }
      }
    }
    return s;
  }

  private static double[] cholesky(double[] s, int d) {
    double[] l = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double v = s[i * d + j];
        for (int k = 0; k < j; k++) {
          v -= l[i * d + k] * l[j * d + k];
        }
        if (i == j) {
          l[i * d + i] = Math.sqrt(Math.max(v, Double.MIN_NORMAL));
        } else {
          l[i * d + j] = v / l[j * d + j];
        }
      }
    }
    return l;
  }

  /** The rows {@code L^-1 x} (forward substitution), same labels. */
  Features whiten(Features f) {
    float[] x = f.data();
    float[] out = new float[x.length];
    IntStream.range(0, f.n()).parallel().forEach(r -> {
      int off = r * d;
      double[] y = new double[d];
      for (int i = 0; i < d; i++) {
        double v = x[off + i];
        int row = i * d;
        for (int k = 0; k < i; k++) {
          v -= l[row + k] * y[k];
        }
        y[i] = v / l[row + i];
        out[off + i] = (float) y[i];
      }
    });
    return new Features(out, f.n(), d, f.labels());
  }

  /** {@code v = w L} for one class's weights (the first d entries; an intercept after them is copied). */
  double[] toWhitened(double[] w) {
    double[] v = w.clone();
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int i = j; i < d; i++) {
        s += w[i] * l[i * d + j];
      }
      v[j] = s;
    }
    return v;
  }

  /** {@code w = v L^-1}: solves {@code w L = v} from the last entry back (an intercept is copied). */
  double[] toOriginal(double[] v) {
    double[] w = v.clone();
    for (int j = d - 1; j >= 0; j--) {
      double s = v[j];
      for (int i = j + 1; i < d; i++) {
        s -= w[i] * l[i * d + j];
      }
      w[j] = s / l[j * d + j];
    }
    return w;
  }

  /**
   * {@code w L^-T} (solves {@code g L^T = w} forward): the gradient in v of {@code |w|^2 / 2}, written in
   * the first d entries of {@code out}.
   */
  void penaltyGradient(double[] w, double[] out) {
    for (int j = 0; j < d; j++) {
      double s = w[j];
      for (int i = 0; i < j; i++) {
        s -= out[i] * l[j * d + i];
      }
      out[j] = s / l[j * d + j];
    }
  }

  /** {@code g L^T}: a gradient in v written as the gradient in w (first d entries; an intercept is copied). */
  double[] toOriginalGradient(double[] g) {
    double[] out = g.clone();
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int i = 0; i <= j; i++) {
        s += g[i] * l[j * d + i];
      }
      out[j] = s;
    }
    return out;
  }
}
