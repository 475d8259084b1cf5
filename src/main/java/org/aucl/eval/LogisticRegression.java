package org.aucl.eval;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.stream.IntStream;

/**
 * One-vs-rest L2-regularised logistic regression, each class's binary problem solved by LIBLINEAR (its
 * Java port) with the primal trust-region Newton solver {@code L2R_LR}; LIBLINEAR has no multinomial
 * logistic regression. For class k it minimises {@code 0.5 |w|^2 + C sum_i log(1 + exp(-y_i (w.x_i + b)))}
 * with {@code y_i = +1} for class k and -1 otherwise; the intercept b is fitted but not regularised. A
 * fit stops when the gradient norm falls below {@link #EPS} times its starting value (times LIBLINEAR's
 * class-balance factor). The classes are fitted in parallel; a previous fit can seed the next (warm start).
 *
 * <p>Weights: {@code weights[k]} holds class k's dim weights followed by its intercept.
 */
public final class LogisticRegression {
  /** Stopping tolerance; 100 times tighter than LIBLINEAR's default 0.01 (see docs/EVALUATION.md). */
  public static final double EPS = 1e-4;

  private final double[][] weights;

  private LogisticRegression(double[][] weights) {
    this.weights = weights;
  }

  /**
   * Rows of (standardised) features as LIBLINEAR rows, indices 1..dim, plus the constant feature dim+1
   * that carries the intercept.
   */
  public static Feature[][] rows(Features f, Standardizer s) {
    Feature[][] x = new Feature[f.n()][];
    int d = f.dim();
    for (int i = 0; i < f.n(); i++) {
      Feature[] row = new Feature[d + 1];
      for (int j = 0; j < d; j++) {
        float v = f.data()[i * d + j];
        row[j] = new FeatureNode(j + 1, s == null ? v : s.apply(j, v));
      }
      row[d] = new FeatureNode(d + 1, 1.0);
      x[i] = row;
    }
    return x;
  }

  /**
   * Fits rows {@code x} (from {@link #rows}) with labels {@code y} in 0..classes-1 at strength {@code c}.
   *
   * @param warm a fit to start from (same classes and dimension), or null to start from zero
   */
  public static LogisticRegression fit(Feature[][] x, int[] y, int classes, double c, LogisticRegression warm) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("logistic regression needs C > 0, got " + c);
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("logistic regression needs at least one row");
    }
    int n = x[0].length;
    double[][] w = new double[classes][];
    IntStream ks = IntStream.range(0, classes);
    (x.length * (long) n > 100_000 ? ks.parallel() : ks)
        .forEach(k -> w[k] = fitOne(x, y, k, n, c, warm == null ? null : warm.weights[k]));
    return new LogisticRegression(w);
  }

  /** Class k against the rest; returns its weights and intercept (zero when k has no rows). */
  private static double[] fitOne(Feature[][] x, int[] y, int k, int n, double c, double[] init) {
    Problem p = new Problem();
    p.l = x.length;
    p.n = n;
    p.x = x;
    p.y = new double[x.length];
    boolean pos = false;
    boolean neg = false;
    for (int i = 0; i < x.length; i++) {
      p.y[i] = y[i] == k ? 1 : -1;
      pos |= y[i] == k;
      neg |= y[i] != k;
    }
    if (!pos || !neg) {
      double[] flat = new double[n];
      flat[n - 1] = pos ? 1e3 : -1e3; // one-sided: the class is always or never predicted
      return flat;
    }
    p.bias = 1; // the last feature of each row is the constant 1, left unregularised
    Parameter param = new Parameter(SolverType.L2R_LR, c, EPS);
    param.setRegularizeBias(false);
    if (init != null) {
      param.setInitSol(init.clone());
    }
    Linear.disableDebugOutput();
    Model m = Linear.train(p, param);
    double[] w = m.getFeatureWeights().clone();
    if (m.getLabels()[0] != 1) {
      // LIBLINEAR's single vector favours its first label
      for (int j = 0; j < w.length; j++) {
        w[j] = -w[j];
      }
    }
    return w;
  }

  /** Decision value of each class for one row (from {@link #rows}). */
  public double[] scores(Feature[] row) {
    double[] s = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      double[] w = weights[k];
      double v = 0;
      for (Feature f : row) {
        v += w[f.getIndex() - 1] * f.getValue();
      }
      s[k] = v;
    }
    return s;
  }

  /** Classes ranked by decision value, best first. */
  public int[] rank(Feature[] row) {
    double[] s = scores(row);
    return IntStream.range(0, s.length).boxed().sorted((a, b) -> Double.compare(s[b], s[a])).mapToInt(i -> i).toArray();
  }

  public int classes() {
    return weights.length;
  }
}
