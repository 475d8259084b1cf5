package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.junit.jupiter.api.Test;

/** Our solver against LIBLINEAR's (its Java port), on the same objective: the same weights. */
class LogisticRegressionTest {
  @Test
  void reachesLiblinearsSolutionForEachClass() {
    Features f = Standardizer.fit(SyntheticFeatures.clustered(600, 8, 3, 1.5, 4)).apply(
        SyntheticFeatures.clustered(600, 8, 3, 1.5, 4));
    for (double c : new double[] {0.01, 1, 100}) {
      LogisticRegression ours = LogisticRegression.fit(f, 3, c, null);
      for (int k = 0; k < 3; k++) {
        double[] expected = liblinear(f, k, c);
        double[] actual = ours.weights(k);
        double scale = 0;
        for (double v : expected) {
          scale = Math.max(scale, Math.abs(v));
        }
        for (int j = 0; j < expected.length; j++) {
          assertEquals(expected[j], actual[j], 0.02 * scale, "C=" + c + ", class " + k + ", weight " + j);
        }
      }
    }
  }

  @Test
  void aWarmStartEndsAtTheSameSolution() {
    Features f = SyntheticFeatures.clustered(400, 8, 3, 1.5, 2);
    LogisticRegression cold = LogisticRegression.fit(f, 3, 10, null);
    LogisticRegression warm = LogisticRegression.fit(f, 3, 10, LogisticRegression.fit(f, 3, 0.1, null));
    for (int j = 0; j < 9; j++) {
      assertEquals(cold.weights(1)[j], warm.weights(1)[j], 0.02 * Math.abs(cold.weights(1)[j]) + 1e-3);
    }
  }

  /** LIBLINEAR's L2R_LR, tolerance 1e-6, unregularised intercept: class k against the rest. */
  private static double[] liblinear(Features f, int k, double c) {
    Problem p = new Problem();
    p.l = f.n();
    p.n = f.dim() + 1;
    p.bias = 1;
    p.x = new Feature[f.n()][];
    p.y = new double[f.n()];
    for (int i = 0; i < f.n(); i++) {
      Feature[] row = new Feature[f.dim() + 1];
      for (int j = 0; j < f.dim(); j++) {
        row[j] = new FeatureNode(j + 1, f.data()[i * f.dim() + j]);
      }
      row[f.dim()] = new FeatureNode(f.dim() + 1, 1);
      p.x[i] = row;
      p.y[i] = f.labels()[i] == k ? 1 : -1;
    }
    Parameter param = new Parameter(SolverType.L2R_LR, c, 1e-6);
    param.setRegularizeBias(false);
    Linear.disableDebugOutput();
    Model m = Linear.train(p, param);
    double[] w = m.getFeatureWeights().clone();
    if (m.getLabels()[0] != 1) {
      for (int j = 0; j < w.length; j++) {
        w[j] = -w[j];
      }
    }
    return w;
  }
}
