package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The softmax regression against the objective written out here with plain double loops: its value, and
 * at the fit a gradient that vanishes (the fit is the minimiser), for several strengths.
 */
class SoftmaxRegressionTest {
  private static final int CLASSES = 3;

  @Test
  void itsObjectiveIsTheMultinomialLossPlusThePenalty() {
    Features f = SyntheticFeatures.clustered(200, 5, CLASSES, 1.0, 3);
    SoftmaxRegression lr = SoftmaxRegression.fit(f, CLASSES, 0.5, null);
    assertEquals(objective(f, lr, 0.5), lr.objective(f, 0.5), 1e-12);
    assertEquals(objective(f, lr, 7), lr.objective(f, 7), 1e-12);
  }

  @Test
  void theFitIsWhereTheGradientVanishes() {
    Features f = Standardizer.fit(SyntheticFeatures.clustered(600, 8, CLASSES, 1.5, 4))
        .apply(SyntheticFeatures.clustered(600, 8, CLASSES, 1.5, 4));
    for (double c : new double[] {0.01, 1, 100}) {
      SoftmaxRegression lr = SoftmaxRegression.fit(f, CLASSES, c, null);
      double[] g = gradient(f, lr, c);
      for (int j = 0; j < g.length; j++) {
        assertEquals(0, g[j], 2 * SoftmaxRegression.TOLERANCE, "C=" + c + ", parameter " + j);
      }
      // and nudging any parameter raises the objective
      double at = objective(f, lr, c);
      for (int k = 0; k < CLASSES; k++) {
        for (int j = 0; j <= f.dim(); j += 3) {
          for (double h : new double[] {-1e-2, 1e-2}) {
            assertTrue(objective(f, lr, c, k, j, h) > at, "C=" + c + ", class " + k + ", weight " + j + " moved by " + h);
          }
        }
      }
    }
  }

  @Test
  void aWarmStartEndsAtTheSameSolution() {
    Features f = SyntheticFeatures.clustered(400, 8, CLASSES, 1.5, 2);
    SoftmaxRegression cold = SoftmaxRegression.fit(f, CLASSES, 10, null);
    SoftmaxRegression warm = SoftmaxRegression.fit(f, CLASSES, 10, SoftmaxRegression.fit(f, CLASSES, 0.1, null));
    for (int k = 0; k < CLASSES; k++) {
      for (int j = 0; j <= 8; j++) {
        assertEquals(cold.weights(k)[j], warm.weights(k)[j], 1e-3 * (1 + Math.abs(cold.weights(k)[j])));
      }
    }
  }

  @Test
  void separableClassesStayFinite() {
    // well-separated clusters: without the penalty the weights would grow without bound
    Features f = SyntheticFeatures.clustered(300, 6, CLASSES, 0.01, 5);
    SoftmaxRegression lr = SoftmaxRegression.fit(f, CLASSES, 1000, null);
    for (int k = 0; k < CLASSES; k++) {
      for (double w : lr.weights(k)) {
        assertTrue(Double.isFinite(w));
      }
    }
    int hits = 0;
    for (int i = 0; i < f.n(); i++) {
      hits += lr.rank(f, i)[0] == f.labels()[i] ? 1 : 0;
    }
    assertEquals(f.n(), hits);
  }

  @Test
  void refusesLabelsOutsideTheClassesAndABadStrength() {
    Features f = SyntheticFeatures.clustered(50, 4, CLASSES, 1.0, 1);
    assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.fit(f, 2, 1, null));
    assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.fit(f, CLASSES, 0, null));
  }

  /** (1/n) [sum_i -log softmax(W x_i + b)_{y_i} + |W|^2 / (2C)], with plain loops. */
  private static double objective(Features f, SoftmaxRegression lr, double c) {
    return objective(f, lr, c, 0, 0, 0);
  }

  /** The same with parameter j of class k moved by h. */
  private static double objective(Features f, SoftmaxRegression lr, double c, int kMoved, int jMoved, double h) {
    int d = f.dim();
    double[][] w = new double[CLASSES][];
    for (int k = 0; k < CLASSES; k++) {
      w[k] = lr.weights(k);
    }
    w[kMoved][jMoved] += h;
    double loss = 0;
    for (int i = 0; i < f.n(); i++) {
      double[] z = logits(f, w, i);
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v);
      }
      loss += Math.log(sum) - z[f.labels()[i]];
    }
    double penalty = 0;
    for (double[] row : w) {
      for (int j = 0; j < d; j++) {
        penalty += row[j] * row[j];
      }
    }
    return (loss + penalty / (2 * c)) / f.n();
  }

  /** The objective's gradient at the fit, derived by hand: (1/n) [sum_i (p_i - e_{y_i}) x_i + W / C]. */
  private static double[] gradient(Features f, SoftmaxRegression lr, double c) {
    int d = f.dim();
    double[][] w = new double[CLASSES][];
    for (int k = 0; k < CLASSES; k++) {
      w[k] = lr.weights(k);
    }
    double[] g = new double[CLASSES * (d + 1)];
    for (int i = 0; i < f.n(); i++) {
      double[] z = logits(f, w, i);
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v);
      }
      for (int k = 0; k < CLASSES; k++) {
        double r = Math.exp(z[k]) / sum - (k == f.labels()[i] ? 1 : 0);
        for (int j = 0; j < d; j++) {
          g[k * (d + 1) + j] += r * f.data()[i * d + j];
        }
        g[k * (d + 1) + d] += r;
      }
    }
    for (int k = 0; k < CLASSES; k++) {
      for (int j = 0; j < d; j++) {
        g[k * (d + 1) + j] += w[k][j] / c;
      }
    }
    for (int j = 0; j < g.length; j++) {
      g[j] /= f.n();
    }
    return g;
  }

  private static double[] logits(Features f, double[][] w, int i) {
    int d = f.dim();
    double[] z = new double[CLASSES];
    for (int k = 0; k < CLASSES; k++) {
      z[k] = w[k][d];
      for (int j = 0; j < d; j++) {
        z[k] += w[k][j] * f.data()[i * d + j];
      }
    }
    return z;
  }
}
