package org.aucl.loss;

import static org.aucl.loss.Harness.assertMatrixClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineObjectivesTest {
  private final Random rng = new Random(11);

  private void check(ContrastiveObjective o, double tau, boolean partnerInDenominator) {
    Harness.fromScratch(() -> {
      double[][] z1 = Reference.random(rng, 4, 5);
      double[][] z2 = Reference.noisyCopy(rng, z1, 0.6);
      Harness.Result r = Harness.run(o, z1, z2, null);
      assertEquals(Reference.infoNce(z1, z2, tau, partnerInDenominator), r.loss(), 1e-9);
      assertMatrixClose(Reference.numericGradient((x, y) -> Reference.infoNce(x, y, tau, partnerInDenominator), z1, z2, 0, 1e-6),
          r.grad1(), 1e-5, "dL/dz1");
      assertMatrixClose(Reference.numericGradient((x, y) -> Reference.infoNce(x, y, tau, partnerInDenominator), z1, z2, 1, 1e-6),
          r.grad2(), 1e-5, "dL/dz2");
      double[] d = Reference.diagnostics(z1, z2);
      assertEquals(d[0], r.out().meanPositive(), 1e-9);
      assertEquals(d[1], r.out().meanNegative(), 1e-9);
      assertEquals(d[2], r.out().batchAuc(), 1e-12);
    });
  }

  @Test
  void ntXentMatchesTheFormula() {
    check(new NtXentObjective(0.5), 0.5, true);
    check(new NtXentObjective(0.07), 0.07, true);
  }

  @Test
  void dclDropsThePositiveFromTheDenominator() {
    check(new DclObjective(0.5), 0.5, false);
    check(new DclObjective(0.1), 0.1, false);
  }

  @Test
  void ntXentKnownValueForOrthogonalViews() {
    // B = 2, d = 4, all four views orthogonal: every logit 0, so L = log(2B - 1) = log 3.
    double[][] z1 = {{1, 0, 0, 0}, {0, 1, 0, 0}};
    double[][] z2 = {{0, 0, 1, 0}, {0, 0, 0, 1}};
    assertEquals(Math.log(3), Harness.run(new NtXentObjective(0.5), z1, z2, null).loss(), 1e-12);
    assertEquals(Math.log(2), Harness.run(new DclObjective(0.5), z1, z2, null).loss(), 1e-12);
    Harness.Result r = Harness.run(new NtXentObjective(0.5), z1, z2, null);
    assertEquals(0.5, r.out().meanPositive(), 1e-12);
    assertEquals(0.5, r.out().batchAuc(), 1e-12, "all ties count one half");
  }

  @Test
  void temperatureNearZeroIsRejectedByTheConfig() {
    for (double tau : new double[] {1e-4, 0, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ObjectiveConfig.of("simclr").withTemperature(tau));
      assertEquals("The temperature must be a finite number of at least 0.01 (near 0 the exponentials overflow), got "
          + tau + ".", e.getMessage());
    }
    assertEquals(ObjectiveConfig.MIN_TEMPERATURE, ObjectiveConfig.of("dcl").withTemperature(0.01).temperature());
  }

  @Test
  void registryResolvesNamesAndAliases() {
    assertEquals(java.util.List.of("auc-cl", "simclr", "dcl", "sogclr"), Objectives.names());
    assertInstanceOf(NtXentObjective.class, Objectives.create("nt-xent"));
    assertInstanceOf(NtXentObjective.class, Objectives.create("SimCLR"));
    assertInstanceOf(DclObjective.class, Objectives.create("dcl"));
    assertInstanceOf(SogClrObjective.class, Objectives.create("sogclr"));
    AucClObjective auc = (AucClObjective) Objectives.create(
        ObjectiveConfig.of("auc-cl").withAuc(AucClPreset.OFFICIAL_CIFAR.settings()));
    assertEquals(AucClPreset.OFFICIAL_CIFAR, auc.settings().preset());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Objectives.create("infonce"));
    assertTrue(e.getMessage().contains("auc-cl, simclr, dcl, sogclr"), e.getMessage());
  }

  /** Training runs in float32: no objective may promote the loss to float64 (a double operand can). */
  @Test
  void lossesWorkInFloat32Too() {
    try (NDManager m = NDManager.newBaseManager()) {
      for (String name : Objectives.names()) {
        ContrastiveObjective o = Objectives.create(name);
        o.initialize(m, 8);
        NDArray z1 = m.randomNormal(new Shape(8, 16));
        NDArray z2 = m.randomNormal(new Shape(8, 16));
        assertEquals(DataType.FLOAT32, z1.getDataType());
        ObjectiveOutput out = o.forward(z1, z2, m.arange(0, 8, 1, DataType.INT64));
        assertEquals(DataType.FLOAT32, out.loss().getDataType(), name + " keeps float32");
        assertEquals(0, out.loss().getShape().dimension(), name + " gives a scalar");
        assertTrue(Float.isFinite(out.loss().getFloat()), name);
        assertTrue(out.batchAuc() >= 0 && out.batchAuc() <= 1, name);
      }
    }
  }
}
