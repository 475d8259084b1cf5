package org.aucl.eval;

import java.util.stream.IntStream;

/**
 * One-vs-rest L2-regularised logistic regression: for each class k, {@link BinaryLogisticSolver}
 * minimises {@code 0.5 |w|^2 + C sum_i log(1 + exp(-y_i (w.x_i + b)))} with {@code y_i = +1} for class k
 * and -1 otherwise; the intercept b is not regularised. This is LIBLINEAR's {@code L2R_LR} objective
 * and stopping rule with tolerance {@link #EPS}; a test checks that both reach the same weights. Large
 * problems fit their classes in parallel; a previous fit can seed the next (warm start).
 */
public final class LogisticRegression {
  /** Stopping tolerance (LIBLINEAR's default is 0.01; see docs/EVALUATION.md). */
  public static final double EPS = 1e-3;

  /** weights[k]: class k's weights, then its intercept. */
  private final double[][] weights;

  private LogisticRegression(double[][] weights) {
    this.weights = weights;
  }

  /**
   * Fits the rows of {@code f} to its labels (0..classes-1) at strength {@code c}.
   *
   * @param warm a fit to start from (same classes and dimension), or null to start from zero
   */
  public static LogisticRegression fit(Features f, int classes, double c, LogisticRegression warm) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("logistic regression needs C > 0, got " + c);
    }
    if (f.n() == 0) {
      throw new IllegalArgumentException("logistic regression needs at least one row");
    }
    double[][] w = new double[classes][];
    IntStream ks = IntStream.range(0, classes);
    (f.n() * (long) f.dim() > 100_000 ? ks.parallel() : ks)
        .forEach(k -> w[k] = fitOne(f, k, c, warm == null ? null : warm.weights[k]));
    return new LogisticRegression(w);
  }

  private static double[] fitOne(Features f, int k, double c, double[] init) {
    double[] y = new double[f.n()];
    boolean pos = false;
    boolean neg = false;
    for (int i = 0; i < y.length; i++) {
      y[i] = f.labels()[i] == k ? 1 : -1;
      pos |= y[i] > 0;
      neg |= y[i] < 0;
    }
    if (!pos || !neg) {
      double[] flat = new double[f.dim() + 1];
      flat[f.dim()] = pos ? 1e3 : -1e3; // one-sided: the class is always or never predicted
      return flat;
    }
    return new BinaryLogisticSolver(f.data(), f.n(), f.dim(), y, c).solve(init, EPS);
  }

  /** Decision value {@code w_k.x + b_k} of each class for row {@code i} of {@code f}. */
  public double[] scores(Features f, int i) {
    int d = f.dim();
    double[] s = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      double[] w = weights[k];
      double v = w[d];
      for (int j = 0; j < d; j++) {
        v += w[j] * f.data()[i * d + j];
      }
      s[k] = v;
    }
    return s;
  }

  /** Classes ranked by decision value for row {@code i} of {@code f}, best first. */
  public int[] rank(Features f, int i) {
    double[] s = scores(f, i);
    return IntStream.range(0, s.length).boxed().sorted((a, b) -> Double.compare(s[b], s[a])).mapToInt(v -> v).toArray();
  }

  /** Class k's weights followed by its intercept (a copy). */
  public double[] weights(int k) {
    return weights[k].clone();
  }
}
