package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The whitening's change of variables leaves every decision value, and the weights, unchanged. */
class WhiteningTest {
  @Test
  void whitenedWeightsOnWhitenedRowsGiveTheSameDecisionValues() {
    Features f = SyntheticFeatures.clustered(300, 6, 3, 0.5, 7);
    Whitening wh = Whitening.of(f, 1e-3);
    Features z = wh.whiten(f);
    Random rnd = new Random(3);
    double[] w = new double[7];
    for (int j = 0; j < w.length; j++) {
      w[j] = rnd.nextGaussian();
    }
    double[] v = wh.toWhitened(w);
    assertEquals(w[6], v[6]); // the intercept is not transformed
    for (int i = 0; i < f.n(); i += 17) {
      double original = w[6];
      double whitened = v[6];
      for (int j = 0; j < 6; j++) {
        original += w[j] * f.data()[i * 6 + j];
        whitened += v[j] * z.data()[i * 6 + j];
      }
      assertEquals(original, whitened, 1e-5);
    }
    double[] back = wh.toOriginal(v);
    for (int j = 0; j < w.length; j++) {
      assertEquals(w[j], back[j], 1e-10);
    }
  }

  @Test
  void whitenedRowsHaveAnIdentitySecondMomentUpToTheRidge() {
    Features f = SyntheticFeatures.clustered(2000, 5, 4, 0.3, 9);
    Features z = Whitening.of(f, 1e-9).whiten(f);
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        double s = 0;
        for (int i = 0; i < z.n(); i++) {
          s += (double) z.data()[i * 5 + a] * z.data()[i * 5 + b];
        }
        assertEquals(a == b ? 1 : 0, s / z.n(), 1e-4, "entry " + a + "," + b);
      }
    }
  }
}
