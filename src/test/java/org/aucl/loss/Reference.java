package org.aucl.loss;

/**
 * Deliberately naive double-precision versions of the formulas of docs/LOSSES.md: plain loops over
 * anchors and views, nothing shared with the implementation under test.
 */
final class Reference {
  private Reference() {}

  /** The 2B normalised views: rows of z1, then rows of z2. */
  static double[][] views(double[][] z1, double[][] z2) {
    int b = z1.length;
    double[][] z = new double[2 * b][];
    for (int i = 0; i < b; i++) {
      z[i] = normalise(z1[i]);
      z[i + b] = normalise(z2[i]);
    }
    return z;
  }

  static double[] normalise(double[] v) {
    double n = 0;
    for (double x : v) {
      n += x * x;
    }
    n = Math.max(Math.sqrt(n), 1e-8);
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[i] / n;
    }
    return r;
  }

  static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  static int partner(int k, int b) {
    return (k + b) % (2 * b);
  }

  static boolean isNegative(NegativeSet set, int k, int l, int b) {
    return switch (set) {
      case NON_PARTNER -> l != k && l != partner(k, b);
      case ALL_OTHERS -> l != k;
      case OTHER_VIEW -> (k < b) != (l < b) && l != partner(k, b);
    };
  }

  /** AUC-CL's L (docs/LOSSES.md, "AUC-CL") with explicit a, b, alpha. */
  static double aucCl(double[][] z1, double[][] z2, AucClSettings st, double a, double b, double alpha) {
    int nb = z1.length;
    double[][] z = views(z1, z2);
    int n = 2 * nb;
    double pos = 0;
    double neg = 0;
    for (int k = 0; k < n; k++) {
      double s = (1 + dot(z[k], z[partner(k, nb)])) / 2;
      double p = st.clampPositives() ? Math.min(1, Math.max(0, s - 0.5)) : s;
      pos += (p - a) * (p - a) - 2 * alpha * p;
      double acc = 0;
      int count = 0;
      for (int l = 0; l < n; l++) {
        if (isNegative(st.negatives(), k, l, nb)) {
          double sn = (1 + dot(z[k], z[l])) / 2;
          acc += (sn - b) * (sn - b) + 2 * alpha * sn;
          count++;
        }
      }
      double reduced = switch (st.reduction()) {
        case MEAN -> acc / count;
        case SUM -> acc;
        case SUM_OVER_BATCH -> acc / nb;
      };
      neg += st.negWeight() * reduced;
    }
    return pos / n + neg / n + 2 * alpha * st.margin() - alpha * alpha;
  }

  /** Mean positive score, mean non-partner negative score, batch AUC (ties one half). */
  static double[] diagnostics(double[][] z1, double[][] z2) {
    int nb = z1.length;
    double[][] z = views(z1, z2);
    double sp = 0;
    double sn = 0;
    double correct = 0;
    int pairs = 0;
    for (int k = 0; k < 2 * nb; k++) {
      double p = (1 + dot(z[k], z[partner(k, nb)])) / 2;
      sp += p;
      for (int l = 0; l < 2 * nb; l++) {
        if (l != k && l != partner(k, nb)) {
          double s = (1 + dot(z[k], z[l])) / 2;
          sn += s;
          correct += p > s ? 1 : p == s ? 0.5 : 0;
          pairs++;
        }
      }
    }
    return new double[] {sp / (2 * nb), sn / pairs, correct / pairs};
  }

  /** NT-Xent (partnerInDenominator) or DCL (not). */
  static double infoNce(double[][] z1, double[][] z2, double tau, boolean partnerInDenominator) {
    int nb = z1.length;
    double[][] z = views(z1, z2);
    double total = 0;
    for (int k = 0; k < 2 * nb; k++) {
      int p = partner(k, nb);
      double denom = 0;
      for (int l = 0; l < 2 * nb; l++) {
        if (l != k && (partnerInDenominator || l != p)) {
          denom += Math.exp(dot(z[k], z[l]) / tau);
        }
      }
      total += -dot(z[k], z[p]) / tau + Math.log(denom);
    }
    return total / (2 * nb);
  }

  /** Central finite differences of f with respect to every entry of z (z1 when which = 0, else z2). */
  static double[][] numericGradient(java.util.function.ToDoubleBiFunction<double[][], double[][]> f,
      double[][] z1, double[][] z2, int which, double h) {
    double[][] target = which == 0 ? z1 : z2;
    double[][] grad = new double[target.length][target[0].length];
    for (int i = 0; i < target.length; i++) {
      for (int j = 0; j < target[0].length; j++) {
        double keep = target[i][j];
        target[i][j] = keep + h;
        double up = f.applyAsDouble(z1, z2);
        target[i][j] = keep - h;
        double down = f.applyAsDouble(z1, z2);
        target[i][j] = keep;
        grad[i][j] = (up - down) / (2 * h);
      }
    }
    return grad;
  }

  static double[][] random(java.util.Random rng, int rows, int cols) {
    double[][] r = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        r[i][j] = rng.nextGaussian();
      }
    }
    return r;
  }

  /** z1 + noise: correlated partners, so that the losses are not trivial. */
  static double[][] noisyCopy(java.util.Random rng, double[][] z, double sigma) {
    double[][] r = new double[z.length][z[0].length];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z[0].length; j++) {
        r[i][j] = z[i][j] + sigma * rng.nextGaussian();
      }
    }
    return r;
  }
}
