package org.aucl.eval;

/**
 * L2-regularised binary logistic regression on dense rows, by Newton's method with preconditioned
 * conjugate-gradient steps and a backtracking line search (the method LIBLINEAR's {@code L2R_LR} solver
 * uses since 2.30, with its diagonal preconditioner and its stopping rule for the inner iterations).
 *
 * <p>Minimises {@code f(w, b) = 0.5 |w|^2 + C sum_i log(1 + exp(-y_i (w.x_i + b)))}, y_i in {-1, +1}; the
 * intercept b is not regularised. Stops when {@code |grad f| <= eps * max(min(#pos, #neg), 1) / n *
 * |grad f(0)|}, LIBLINEAR's rule (the gradient at zero, whatever the starting point). Each Hessian-vector
 * product is two passes over the float rows, which is why this runs on plain arrays rather than on
 * LIBLINEAR's one object per value.
 */
final class BinaryLogisticSolver {
  private static final int MAX_NEWTON = 100;
  private static final int MAX_CG = 250;
  private static final double CG_TOLERANCE = 0.5;
  private static final double PCG_ALPHA = 0.01;
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
    // LIBLINEAR measures the gradient at w = 0, not at the start: a warm start must not tighten the rule
    valueAndGradient(new double[d + 1], g);
    double g0 = norm(g);
    double f = valueAndGradient(w, g);
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

  /**
   * Hessian times v into out: v (weights only) + X^T (weight .* (X v + v_b)). Rows go four at a time so
   * the four dot products are independent chains (each row's sum keeps its order).
   */
  private void hessianTimes(double[] v, double[] out) {
    java.util.Arrays.fill(out, 0);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      int o0 = i * d;
      int o1 = o0 + d;
      int o2 = o1 + d;
      int o3 = o2 + d;
      double m0 = v[d];
      double m1 = v[d];
      double m2 = v[d];
      double m3 = v[d];
      for (int j = 0; j < d; j++) {
        double vj = v[j];
        m0 += vj * x[o0 + j];
        m1 += vj * x[o1 + j];
        m2 += vj * x[o2 + j];
        m3 += vj * x[o3 + j];
      }
      double u0 = weight[i] * m0;
      double u1 = weight[i + 1] * m1;
      double u2 = weight[i + 2] * m2;
      double u3 = weight[i + 3] * m3;
      for (int j = 0; j < d; j++) {
        out[j] += u0 * x[o0 + j] + u1 * x[o1 + j] + u2 * x[o2 + j] + u3 * x[o3 + j];
      }
      out[d] += u0 + u1 + u2 + u3;
    }
    for (; i < n; i++) {
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

  /**
   * The diagonal preconditioner LIBLINEAR uses: 0.99 + 0.01 diag(H), where diag(H) is 1 + sum_i weight_i x_ij^2
   * for a weight and sum_i weight_i for the (unregularised) intercept.
   */
  private void preconditioner(double[] m) {
    java.util.Arrays.fill(m, 0);
    for (int i = 0; i < n; i++) {
      double wi = weight[i];
      int off = i * d;
      for (int j = 0; j < d; j++) {
        double xij = x[off + j];
        m[j] += wi * xij * xij;
      }
      m[d] += wi;
    }
    for (int j = 0; j <= d; j++) {
      double h = j < d ? 1 + m[j] : m[j];
      m[j] = (1 - PCG_ALPHA) + PCG_ALPHA * h;
    }
  }

  /**
   * Approximately solves H s = -g by conjugate gradients preconditioned with {@link #preconditioner}, stopped
   * as LIBLINEAR stops it: when the quadratic model's last decrease, times the iteration count, falls below
   * {@code min(0.5, sqrt(|g|_M^-1))} of the total decrease (a relative residual rule needs several times
   * the Hessian products for the same Newton step).
   */
  private void conjugateGradient(double[] g, double[] s) {
    int m = d + 1;
    double[] precond = new double[m];
    preconditioner(precond);
    java.util.Arrays.fill(s, 0);
    double[] r = new double[m];
    double[] z = new double[m];
    double[] p = new double[m];
    double[] hp = new double[m];
    for (int j = 0; j < m; j++) {
      r[j] = -g[j];
      z[j] = r[j] / precond[j];
      p[j] = z[j];
    }
    double zr = dot(z, r);
    double cgTol = Math.min(CG_TOLERANCE, Math.sqrt(Math.sqrt(zr)));
    double q = 0;
    for (int k = 1; k <= Math.max(m, 5) && k <= MAX_CG; k++) {
      hessianTimes(p, hp);
      double php = dot(p, hp);
      if (php <= 1e-16) {
        break;
      }
      double alpha = zr / php;
      for (int j = 0; j < m; j++) {
        s[j] += alpha * p[j];
        r[j] -= alpha * hp[j];
      }
      // the quadratic model g.s + 0.5 s.H s at s, written with the residual r = -g - H s as LIBLINEAR does
      double qNew = -0.5 * (dot(s, r) - dot(s, g));
      double qDiff = qNew - q;
      if (qNew > 0 || qDiff > 0 || k * qDiff >= cgTol * qNew) {
        break;
      }
      q = qNew;
      for (int j = 0; j < m; j++) {
        z[j] = r[j] / precond[j];
      }
      double zrNew = dot(z, r);
      double beta = zrNew / zr;
      for (int j = 0; j < m; j++) {
        p[j] = z[j] + beta * p[j];
      }
      zr = zrNew;
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
