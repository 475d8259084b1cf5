package org.aucl.loss;

import static org.aucl.loss.Harness.assertMatrixClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SogClrObjectiveTest {
  private static final double TAU = 0.5;
  private static final double GAMMA = 0.9;
  private final Random rng = new Random(3);

  /** c[k][l] = exp(z_k.z_l/tau) / u_image(k) at the base point. */
  private static double[][] weights(double[][] z1, double[][] z2, double[] uOfImage) {
    double[][] z = Reference.views(z1, z2);
    int n = z.length;
    double[][] c = new double[n][n];
    for (int k = 0; k < n; k++) {
      for (int l = 0; l < n; l++) {
        c[k][l] = Math.exp(Reference.dot(z[k], z[l]) / TAU) / uOfImage[k % (n / 2)];
      }
    }
    return c;
  }

  @Test
  void movingAverageValueAndGradientFollowTheFormulas() throws IOException {
    try (NDManager state = NDManager.newBaseManager()) {
      SogClrObjective o = new SogClrObjective(TAU, GAMMA);
      o.initialize(state, 10);
      long[] first = {0, 3, 5, 7};
      double[][] a1 = Reference.random(rng, 4, 5);
      double[][] a2 = Reference.noisyCopy(rng, a1, 0.5);
      Harness.Result r1 = Harness.run(o, a1, a2, first);
      assertEquals(0, o.movingAverage(3), 0, "forward alone commits nothing");
      o.afterStep();
      double[] g1 = Reference.sogclrG(a1, a2, TAU);
      double[] u = new double[10];
      for (int i = 0; i < 4; i++) {
        u[(int) first[i]] = (g1[i] + g1[i + 4]) / 2; // first sight: u_i = g_i
        assertEquals(u[(int) first[i]], o.movingAverage((int) first[i]), 1e-9);
      }
      assertEquals(Reference.sogclrValue(a1, a2, TAU), r1.loss(), 1e-9);

      // Second step: images 3 and 7 seen again, 1 and 2 new.
      long[] second = {3, 1, 7, 2};
      double[][] b1 = Reference.random(rng, 4, 5);
      double[][] b2 = Reference.noisyCopy(rng, b1, 0.5);
      double[] g2 = Reference.sogclrG(b1, b2, TAU);
      double[] expectedU = new double[4];
      for (int i = 0; i < 4; i++) {
        int img = (int) second[i];
        double gi = (g2[i] + g2[i + 4]) / 2;
        expectedU[i] = u[img] == 0 ? gi : (1 - GAMMA) * u[img] + GAMMA * gi;
      }
      Harness.Result r2 = Harness.run(o, b1, b2, second);
      double[][] c = weights(b1, b2, expectedU);
      assertMatrixClose(Reference.numericGradient((x, y) -> Reference.sogclrSurrogate(x, y, TAU, c), b1, b2, 0, 1e-6),
          r2.grad1(), 1e-5, "dS/dz1");
      assertMatrixClose(Reference.numericGradient((x, y) -> Reference.sogclrSurrogate(x, y, TAU, c), b1, b2, 1, 1e-6),
          r2.grad2(), 1e-5, "dS/dz2");
      assertEquals(Reference.sogclrValue(b1, b2, TAU), r2.loss(), 1e-9);
      o.afterStep();
      for (int i = 0; i < 4; i++) {
        assertEquals(expectedU[i], o.movingAverage((int) second[i]), 1e-9 * expectedU[i], "u of image " + second[i]);
      }
      assertEquals(u[5], o.movingAverage(5), 1e-12, "images outside the batch keep their u");

      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      o.save(new DataOutputStream(bytes));
      SogClrObjective restored = new SogClrObjective(TAU, GAMMA);
      restored.initialize(state, 10);
      restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      for (int i = 0; i < 10; i++) {
        assertEquals(o.movingAverage(i), restored.movingAverage(i), 0, "u of image " + i);
      }
      assertEquals(o.scalars(), restored.scalars());
      SogClrObjective wrongSize = new SogClrObjective(TAU, GAMMA);
      wrongSize.initialize(state, 11);
      assertThrows(IOException.class,
          () -> wrongSize.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    }
  }

  @Test
  void indicesAreRequiredAndChecked() {
    try (NDManager state = NDManager.newBaseManager()) {
      SogClrObjective o = new SogClrObjective(TAU, GAMMA);
      o.initialize(state, 4);
      double[][] z = Reference.random(rng, 2, 3);
      assertThrows(IllegalArgumentException.class, () -> Harness.run(o, z, z, null));
      assertThrows(IllegalArgumentException.class, () -> Harness.run(o, z, z, new long[] {0, 4}));
      assertThrows(IllegalArgumentException.class, () -> new SogClrObjective(TAU, 0));
    }
  }
}
