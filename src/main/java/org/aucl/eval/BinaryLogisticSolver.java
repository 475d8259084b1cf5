package org.aucl.eval;

/**
 * L2-regularised binary logistic regression on dense rows, by Newton's method with conjugate-gradient
 * steps and a backtracking line search (the method LIBLINEAR's {@code L2R_LR} solver uses since 2.30).
 *
 * <p>Minimises {@code f(w, b) = 0.5 |w|^2 + C sum_i log(1 + exp(-y_i (w.x_i + b)))}, y_i in {-1, +1}; the
 * intercept b is not regularised. Stops when {@code |grad f| <= eps * max(min(#pos, #neg), 1) / n *
 * |grad f(start)|}, LIBLINEAR's rule. Each Hessian-vector product is two passes over the float rows,
 * which is why this runs on plain arrays rather than on LIBLINEAR's one object per value.
 */
final class BinaryLogisticSolver {
  private static final int MAX_NEWTON = 100;
  private static final int MAX_CG = 250;
  private static final double CG_TOLERANCE = 0.1;
  private static final double ARMIJO = 0.01;

  private final float[] x;
  private final int n;
  private final int d;
  private final double[] y;
  private final double c;
  // per-row scratch: margins z_i, then the Hessian's diagonal weights
  private final double[] z;
  private final double[] weight;

  /** @param x n x d row-major rows; @param y labels +1 or -1 */
  BinaryLogisticSolver(float[] x, int n, int d, double[] y, double c) {
    this.x = x;
    this.n = n;
    this.d = d;
    this.y = y;
    this.c = c;
    this.z = new double[n];
    this.weight = new double[n];
  }

  /** Weights (d) followed by the intercept, starting from {@code init} (null: zeros). */
  double[] solve(double[] init, double eps) {
    double[] w = init == null ? new double[d + 1] : init.clone();
    int pos = 0;
    for (double v : y) {
      pos += v > 0 ? 1 : 0;
    }
    double tol = eps * Math.max(Math.min(pos, n - pos), 1) / n;
    double[] g = new double[d + 1];
    double f = valueAndGradient(w, g);
    double g0 = norm(g);
    double[] s = new double[d + 1];
    double[] trial = new double[d + 1];
    for (int it = 0; it < MAX_NEWTON && norm(g) > tol * g0; it++) {
      conjugateGradient(g, s);
      double slope = dot(g, s);
      double step = 1;
      double fNew;
      while (true) {
        for (int j = 0; j <= d; j++) {
          trial[j] = w[j] + step * s[j];
        }
        fNew = value(trial);
        if (fNew <= f + ARMIJO * step * slope || step < 1e-10) {
          break;
        }
        step /= 2;
      }
      if (step < 1e-10) {
        break; // no decrease along the Newton direction: at the optimum up to rounding
      }
      System.arraycopy(trial, 0, w, 0, d + 1);
      f = valueAndGradient(w, g);
    }
    return w;
  }

  private double value(double[] w) {
    double loss = 0;
    for (int i = 0; i < n; i++) {
      loss += softplus(-y[i] * margin(w, i));
    }
    double reg = 0;
    for (int j = 0; j < d; j++) {
      reg += w[j] * w[j];
    }
    return 0.5 * reg + c * loss;
  }

  /** f(w), its gradient into g, and the Hessian's row weights C s (1 - s), s = sigmoid(y z). */
  private double valueAndGradient(double[] w, double[] g) {
    double loss = 0;
    java.util.Arrays.fill(g, 0);
    for (int i = 0; i < n; i++) {
      double yz = y[i] * margin(w, i);
      loss += softplus(-yz);
      double sig = 1 / (1 + Math.exp(-yz));
      weight[i] = c * sig * (1 - sig);
      double coef = c * (sig - 1) * y[i];
      int off = i * d;
      for (int j = 0; j < d; j++) {
        g[j] += coef * x[off + j];
      }
      g[d] += coef;
    }
    double reg = 0;
    for (int j = 0; j < d; j++) {
      reg += w[j] * w[j];
      g[j] += w[j];
    }
    return 0.5 * reg + c * loss;
  }

  /** Hessian times v into out: v (weights only) + X^T (weight .* (X v + v_b)). */
  private void hessianTimes(double[] v, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < n; i++) {
      double u = weight[i] * margin(v, i);
      int off = i * d;
      for (int j = 0; j < d; j++) {
        out[j] += u * x[off + j];
      }
      out[d] += u;
    }
    for (int j = 0; j < d; j++) {
      out[j] += v[j];
    }
  }

  /** Approximately solves H s = -g (plain CG, relative tolerance {@link #CG_TOLERANCE}). */
  private void conjugateGradient(double[] g, double[] s) {
    java.util.Arrays.fill(s, 0);
    double[] r = new double[d + 1];
    double[] p = new double[d + 1];
    double[] hp = new double[d + 1];
    for (int j = 0; j <= d; j++) {
      r[j] = -g[j];
      p[j] = r[j];
    }
    double rr = dot(r, r);
    double stop = CG_TOLERANCE * CG_TOLERANCE * rr;
    for (int k = 0; k < MAX_CG && rr > stop; k++) {
      hessianTimes(p, hp);
      double php = dot(p, hp);
      if (php <= 0) {
        break;
      }
      double alpha = rr / php;
      for (int j = 0; j <= d; j++) {
        s[j] += alpha * p[j];
        r[j] -= alpha * hp[j];
      }
      double rrNew = dot(r, r);
      double beta = rrNew / rr;
      for (int j = 0; j <= d; j++) {
        p[j] = r[j] + beta * p[j];
      }
      rr = rrNew;
    }
  }

  private double margin(double[] w, int i) {
    int off = i * d;
    double m = w[d];
    for (int j = 0; j < d; j++) {
      m += w[j] * x[off + j];
    }
    return m;
  }

  /** log(1 + exp(t)) without overflow. */
  private static double softplus(double t) {
    return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
