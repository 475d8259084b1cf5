package org.aucl.eval;

import java.util.stream.IntStream;

/**
 * Multinomial (softmax) logistic regression with an L2 penalty on the weights, fitted by L-BFGS.
 *
 * <p>Minimises {@code F(W, b) = (1/n) [sum_i -log p_i(y_i) + |W|^2 / (2C)]} with {@code p_i = softmax(W x_i
 * + b)}: scikit-learn's {@code LogisticRegression} objective (multinomial, its default; {@code C sum_i loss_i
 * + |W|^2 / 2}) divided by {@code nC}, so that one C means one model in both; the intercepts b are not
 * penalised. L-BFGS runs on whitened rows ({@link Whitening}: the same problem, well conditioned). The fit
 * stops when the largest component of F's gradient in the original weights is at most {@link #TOLERANCE}
 * (scikit-learn's L-BFGS rule, {@code gtol = tol = 1e-4} on the same scaled gradient), when a step no
 * longer lowers F beyond rounding, or after {@link #MAX_ITERATIONS}. A previous fit can seed the next (warm
 * start); the gradient's row blocks are summed in a fixed order, so a fit is the same on any number of
 * cores.
 */
public final class SoftmaxRegression {
  /** Stopping tolerance on the largest gradient component of F (see docs/EVALUATION.md). */
  public static final double TOLERANCE = 1e-4;

  public static final int MAX_ITERATIONS = 2000;

  /** Curvature pairs L-BFGS keeps. */
  private static final int MEMORY = 10;

  private static final double ARMIJO = 1e-4;

  private final int classes;
  private final int dim;
  /** Class k's weights at [k (dim + 1), k (dim + 1) + dim), then its intercept. */
  private final double[] theta;

  private SoftmaxRegression(int classes, int dim, double[] theta) {
    this.classes = classes;
    this.dim = dim;
    this.theta = theta;
  }

  /**
   * Fits the rows of {@code f} to its labels (0..classes-1) at strength {@code c}.
   *
   * @param warm a fit to start from (same classes and dimension), or null to start from zero
   */
  public static SoftmaxRegression fit(Features f, int classes, double c, SoftmaxRegression warm) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("logistic regression needs C > 0, got " + c);
    }
    if (f.n() == 0) {
      throw new IllegalArgumentException("logistic regression needs at least one row");
    }
    for (int label : f.labels()) {
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException("label " + label + " is outside 0.." + (classes - 1));
      }
    }
    if (warm != null && (warm.classes != classes || warm.dim != f.dim())) {
      throw new IllegalArgumentException("a warm start must have the same classes and dimension");
    }
    // the ridge: small beside the features' scale, and never below the penalty's own curvature 1/(Cn), so
    // that directions the rows do not span are not stretched beyond what the penalty holds in place
    double eps = Math.max(1e-3 * Whitening.meanSquare(f), 1 / (c * f.n()));
    Whitening whitening = Whitening.of(f, eps);
    int d = f.dim();
    double[] theta = new double[classes * (d + 1)];
    Objective objective = new Objective(whitening.whiten(f), classes, c, whitening);
    double[] start = new double[classes * (d + 1)];
    if (warm != null) {
      for (int k = 0; k < classes; k++) {
        System.arraycopy(whitening.toWhitened(warm.weights(k)), 0, start, k * (d + 1), d + 1);
      }
    }
    double[] v = new double[start.length];
    minimise(objective, start, v);
    for (int k = 0; k < classes; k++) {
      System.arraycopy(whitening.toOriginal(objective.classSlice(v, k)), 0, theta, k * (d + 1), d + 1);
    }
    return new SoftmaxRegression(classes, f.dim(), theta);
  }

  /** {@code F} at this fit's parameters for the rows of {@code f} (what the fit minimised, for tests). */
  public double objective(Features f, double c) {
    return new Objective(f, classes, c, null).valueAndGradient(theta, new double[theta.length]);
  }

  /** Decision value {@code w_k.x + b_k} of each class for row {@code i} of {@code f}. */
  public double[] scores(Features f, int i) {
    double[] s = new double[classes];
    Objective.logits(theta, classes, dim, f.data(), i * dim, s);
    return s;
  }

  /** Classes ranked by decision value for row {@code i} of {@code f}, best first. */
  public int[] rank(Features f, int i) {
    double[] s = scores(f, i);
    return IntStream.range(0, s.length).boxed().sorted((a, b) -> Double.compare(s[b], s[a])).mapToInt(v -> v).toArray();
  }

  /** Class k's weights followed by its intercept (a copy). */
  public double[] weights(int k) {
    double[] w = new double[dim + 1];
    System.arraycopy(theta, k * (dim + 1), w, 0, dim + 1);
    return w;
  }

  /** L-BFGS with a backtracking (Armijo) line search; writes the minimiser into {@code x}, returns the iterations. */
  private static int minimise(Objective objective, double[] start, double[] x) {
    int p = start.length;
    System.arraycopy(start, 0, x, 0, p);
    double[] g = new double[p];
    double f = objective.valueAndGradient(x, g);
    double[][] s = new double[MEMORY][p];
    double[][] y = new double[MEMORY][p];
    double[] rho = new double[MEMORY];
    int stored = 0;
    int newest = -1;
    double[] d = new double[p];
    double[] trial = new double[p];
    double[] gTrial = new double[p];
    double[] alpha = new double[MEMORY];
    int it = 0;
    for (; it < MAX_ITERATIONS && objective.stationarity(g) > TOLERANCE; it++) {
      direction(g, s, y, rho, stored, newest, alpha, d);
      double slope = dot(g, d);
      if (!(slope < 0)) { // the memory lost positive curvature: restart from steepest descent
        stored = 0;
        direction(g, s, y, rho, 0, newest, alpha, d);
        slope = dot(g, d);
      }
      // the first step, on steepest descent, has no scale yet: move by at most one unit
      double step = stored == 0 ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
      double fTrial;
      while (true) {
        for (int j = 0; j < p; j++) {
          trial[j] = x[j] + step * d[j];
        }
        fTrial = objective.valueAndGradient(trial, gTrial);
        if (fTrial <= f + ARMIJO * step * slope || step < 1e-12) {
          break;
        }
        step /= 2;
      }
      if (!(fTrial < f)) {
        break; // no decrease along a descent direction: at the minimum up to rounding
      }
      double sy = 0;
      double ss = 0;
      double yy = 0;
      for (int j = 0; j < p; j++) {
        double sj = trial[j] - x[j];
        double yj = gTrial[j] - g[j];
        sy += sj * yj;
        ss += sj * sj;
        yy += yj * yj;
      }
      if (sy > 1e-12 * Math.sqrt(ss * yy)) { // else no curvature along this step: the memory stays as it was
        newest = (newest + 1) % MEMORY; // overwrites the oldest pair once the memory is full
        for (int j = 0; j < p; j++) {
          s[newest][j] = trial[j] - x[j];
          y[newest][j] = gTrial[j] - g[j];
        }
        rho[newest] = 1 / sy;
        stored = Math.min(stored + 1, MEMORY);
      }
      System.arraycopy(trial, 0, x, 0, p);
      System.arraycopy(gTrial, 0, g, 0, p);
      double decrease = f - fTrial;
      f = fTrial;
      if (decrease <= 1e-15 * Math.max(1, Math.abs(f))) {
        it++;
        break; // F no longer moves beyond rounding
      }
    }
    return it;
  }

  /** {@code d = -H g} by the two-loop recursion over the newest {@code stored} pairs. */
  private static void direction(
      double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest, double[] alpha, double[] d) {
    int p = g.length;
    for (int j = 0; j < p; j++) {
      d[j] = -g[j];
    }
    for (int m = 0; m < stored; m++) {
      int i = (newest - m + MEMORY) % MEMORY;
      alpha[i] = rho[i] * dot(s[i], d);
      axpy(-alpha[i], y[i], d);
    }
    if (stored > 0) {
      double gamma = 1 / (rho[newest] * dot(y[newest], y[newest]));
      for (int j = 0; j < p; j++) {
        d[j] *= gamma;
      }
    }
    for (int m = stored - 1; m >= 0; m--) {
      int i = (newest - m + MEMORY) % MEMORY;
      double beta = rho[i] * dot(y[i], d);
      axpy(alpha[i] - beta, s[i], d);
    }
  }

  private static double dot(double[] a, double[] b) {
    double v = 0;
    for (int j = 0; j < a.length; j++) {
      v += a[j] * b[j];
    }
    return v;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int j = 0; j < y.length; j++) {
      y[j] += a * x[j];
    }
  }

  private static double maxAbs(double[] g) {
    double m = 0;
    for (double v : g) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /**
   * F and its gradient over the rows, in blocks summed in a fixed order; with a whitening, in its
   * variables (whitened rows, weights v = w L, the penalty still on w).
   */
  private static final class Objective {
    private final Features f;
    private final SoftmaxLoss rows;
    private final int classes;
    private final double c;
    private final Whitening whitening;

    /** @param whitening the rows' whitening, or null for the original variables */
    Objective(Features f, int classes, double c, Whitening whitening) {
      this.f = f;
      this.classes = classes;
      this.c = c;
      this.whitening = whitening;
      this.rows = new SoftmaxLoss(f, classes);
    }

    /** Class k's weights and intercept, a copy. */
    double[] classSlice(double[] theta, int k) {
      int d = f.dim();
      double[] out = new double[d + 1];
      System.arraycopy(theta, k * (d + 1), out, 0, d + 1);
      return out;
    }

    /** The largest component of F's gradient in the original weights (the stopping rule). */
    double stationarity(double[] grad) {
      if (whitening == null) {
        return maxAbs(grad);
      }
      double m = 0;
      for (int k = 0; k < classes; k++) {
        m = Math.max(m, maxAbs(whitening.toOriginalGradient(classSlice(grad, k))));
      }
      return m;
    }

    double valueAndGradient(double[] theta, double[] grad) {
      int d = f.dim();
      // the rows' passes read the weights transposed, [j K + k] (intercepts at j = d): their inner loops
      // then run over the classes with no dependency between steps, which the JIT vectorises
      double[] t = new double[theta.length];
      for (int k = 0; k < classes; k++) {
        for (int j = 0; j <= d; j++) {
          t[j * classes + k] = theta[k * (d + 1) + j];
        }
      }
      int p = theta.length;
      double[] sum = new double[p];
      double loss = rows.lossAndGradient(t, sum);
      double penalty = 0;
      double[] penaltyGradient = new double[d];
      for (int k = 0; k < classes; k++) {
        double[] v = classSlice(theta, k);
        double[] w = whitening == null ? v : whitening.toOriginal(v);
        if (whitening == null) {
          System.arraycopy(w, 0, penaltyGradient, 0, d);
        } else {
          whitening.penaltyGradient(w, penaltyGradient);
        }
        for (int j = 0; j <= d; j++) {
          int at = k * (d + 1) + j;
          grad[at] = sum[j * classes + k];
          if (j < d) {
            penalty += w[j] * w[j];
            grad[at] += penaltyGradient[j] / c;
          }
          grad[at] /= f.n();
        }
      }
      return (loss + penalty / (2 * c)) / f.n();
    }

    static void logits(double[] theta, int classes, int d, float[] x, int off, double[] z) {
      for (int k = 0; k < classes; k++) {
        int base = k * (d + 1);
        double v = theta[base + d];
        for (int j = 0; j < d; j++) {
          v += theta[base + j] * x[off + j];
        }
        z[k] = v;
      }
    }
  }
}
