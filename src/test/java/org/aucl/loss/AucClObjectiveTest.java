package org.aucl.loss;

import static org.aucl.loss.Harness.assertMatrixClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AucClObjectiveTest {
  private static final double H = 1e-6;
  private NDManager state;
  private final Random rng = new Random(7);

  @BeforeEach
  void open() {
    state = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    state.close();
  }

  private AucClObjective objective(AucClSettings s) {
    AucClObjective o = new AucClObjective(s);
    o.initialize(state, 100);
    return o;
  }

  private void checkValueAndGradients(AucClSettings s, int batch) {
    Harness.fromScratch(() -> {
      double[][] z1 = Reference.random(rng, batch, 5);
      double[][] z2 = Reference.noisyCopy(rng, z1, 0.7);
      AucClObjective o = objective(s);
      Harness.Result r = Harness.run(o, z1, z2, null);
      double a = s.a();
      double b = s.b();
      double alpha = s.alpha();
      assertEquals(Reference.aucCl(z1, z2, s, a, b, alpha), r.loss(), 1e-9, "value of " + s);
      assertMatrixClose(Reference.numericGradient((x, y) -> Reference.aucCl(x, y, s, a, b, alpha), z1, z2, 0, H),
          r.grad1(), 1e-5, "dL/dz1");
      assertMatrixClose(Reference.numericGradient((x, y) -> Reference.aucCl(x, y, s, a, b, alpha), z1, z2, 1, H),
          r.grad2(), 1e-5, "dL/dz2");
      if (s.aLearnable()) {
        double fd = (Reference.aucCl(z1, z2, s, a + H, b, alpha) - Reference.aucCl(z1, z2, s, a - H, b, alpha)) / (2 * H);
        assertEquals(fd, r.varGrads().get("a"), 1e-4 * Math.max(1, Math.abs(fd)), "dL/da");
      }
      if (s.bLearnable()) {
        double fd = (Reference.aucCl(z1, z2, s, a, b + H, alpha) - Reference.aucCl(z1, z2, s, a, b - H, alpha)) / (2 * H);
        assertEquals(fd, r.varGrads().get("b"), 1e-4 * Math.max(1, Math.abs(fd)), "dL/db");
      }
      double[] d = Reference.diagnostics(z1, z2);
      assertEquals(d[0], r.out().meanPositive(), 1e-9);
      assertEquals(d[1], r.out().meanNegative(), 1e-9);
      assertEquals(d[2], r.out().batchAuc(), 1e-12);
    });
  }

  @Test
  void defaultPresetMatchesTheFormula() {
    checkValueAndGradients(AucClSettings.builder().optAlpha(0.3, true, 0.01).optB(0.25, true).build(), 3);
  }

  @Test
  void everyOptionCombinationMatchesTheFormula() {
    AucClSettings base = AucClSettings.builder().optA(0.75, true).optB(0.125, true).optAlpha(0.5, false, 0)
        .optMargin(0.7).optClampPositives(true).build();
    for (NegativeSet set : NegativeSet.values()) {
      for (NegativeReduction red : NegativeReduction.values()) {
        checkValueAndGradients(base.toBuilder().optNegatives(1.7, set, red).build(), 4);
      }
    }
    checkValueAndGradients(base.toBuilder().optA(1.2, false).optB(0.3, false).build(), 2);
  }

  @Test
  void officialCifarIsTheAuthorsFormula() {
    AucClSettings s = AucClPreset.OFFICIAL_CIFAR.settings();
    double[][] z1 = Reference.random(rng, 4, 6);
    double[][] z2 = Reference.noisyCopy(rng, z1, 0.5);
    double b = 0.0;
    // Literally: clamp(s - 0.5, 0, 1) positives; negatives = 2B x 2B without the diagonal (partner kept,
    // plain s), summed, averaged over 2B anchors; a = 10, alpha = 1, m = 0.
    double[][] z = Reference.views(z1, z2);
    int n = z.length;
    double expected = 0;
    for (int k = 0; k < n; k++) {
      double p = Math.min(1, Math.max(0, (1 + Reference.dot(z[k], z[(k + n / 2) % n])) / 2 - 0.5));
      double negSum = 0;
      for (int l = 0; l < n; l++) {
        if (l != k) {
          double sn = (1 + Reference.dot(z[k], z[l])) / 2;
          negSum += (sn - b) * (sn - b) + 2 * sn;
        }
      }
      expected += ((p - 10) * (p - 10) - 2 * p + negSum) / n;
    }
    expected -= 1; // -alpha^2, kept in the reported loss
    Harness.Result r = Harness.run(objective(s), z1, z2, null);
    assertEquals(expected, r.loss(), 1e-9);
    assertEquals(java.util.List.of("b"), java.util.List.copyOf(objective(s).minimisedVariables().keySet()));
    checkValueAndGradients(s, 4);
  }

  @Test
  void imagenetWeightingIsTheTeacherStudentWeighting() {
    AucClSettings s = AucClPreset.IMAGENET_WEIGHTING.settings();
    int nb = 4;
    double[][] z1 = Reference.random(rng, nb, 6);
    double[][] z2 = Reference.noisyCopy(rng, z1, 0.5);
    double[][] v1 = new double[nb][];
    double[][] v2 = new double[nb][];
    for (int i = 0; i < nb; i++) {
      v1[i] = Reference.normalise(z1[i]);
      v2[i] = Reference.normalise(z2[i]);
    }
    // Two directions (view 1 anchors against view 2 negatives, and back), averaged; 32 / B times the sum.
    double both = 0;
    for (int dir = 0; dir < 2; dir++) {
      double[][] anc = dir == 0 ? v1 : v2;
      double[][] oth = dir == 0 ? v2 : v1;
      double dirLoss = 0;
      for (int i = 0; i < nb; i++) {
        double p = (1 + Reference.dot(anc[i], oth[i])) / 2;
        double negSum = 0;
        for (int j = 0; j < nb; j++) {
          if (j != i) {
            double sn = (1 + Reference.dot(anc[i], oth[j])) / 2;
            negSum += sn * sn + 2 * sn;
          }
        }
        dirLoss += ((p - 10) * (p - 10) - 2 * p + 32.0 / nb * negSum) / nb;
      }
      both += dirLoss / 2;
    }
    both -= 1;
    AucClObjective o = objective(s);
    assertTrue(o.minimisedVariables().isEmpty(), "imagenet-weighting learns nothing in the loss");
    assertEquals(both, Harness.run(o, z1, z2, null).loss(), 1e-9);
    checkValueAndGradients(s, nb);
  }

  @Test
  void alphaAscentFollowsTheFormula() {
    AucClSettings s = AucClSettings.builder().optAlpha(0.2, true, 0.05).optMargin(0.9)
        .optNegatives(1.5, NegativeSet.NON_PARTNER, NegativeReduction.MEAN).build();
    double[][] z1 = Reference.random(rng, 5, 4);
    double[][] z2 = Reference.noisyCopy(rng, z1, 0.4);
    AucClObjective o = objective(s);
    Harness.run(o, z1, z2, null);
    double[][] z = Reference.views(z1, z2);
    int n = z.length;
    double meanP = 0;
    double meanN = 0;
    for (int k = 0; k < n; k++) {
      meanP += (1 + Reference.dot(z[k], z[(k + n / 2) % n])) / 2 / n;
      for (int l = 0; l < n; l++) {
        if (l != k && l != (k + n / 2) % n) {
          meanN += (1 + Reference.dot(z[k], z[l])) / 2 / (n * (n - 2.0));
        }
      }
    }
    double expected = Math.max(0, 0.2 + 0.05 * (2 * (0.9 - meanP + 1.5 * meanN) - 2 * 0.2));
    assertEquals(0.2, o.alpha(), 0, "forward alone leaves alpha alone");
    o.afterStep();
    assertEquals(expected, o.alpha(), 1e-12);
    double after = o.alpha();
    o.afterStep();
    assertEquals(after, o.alpha(), 0, "no second step without a forward");

    // Projection onto alpha >= 0: a margin far below the scores' gap drives alpha to 0.
    AucClObjective low = objective(s.toBuilder().optMargin(-50).build());
    Harness.run(low, z1, z2, null);
    low.afterStep();
    assertEquals(0, low.alpha(), 0);
  }

  @Test
  void fixedAlphaAndFixedAbAreNeverUpdated() {
    AucClSettings s = AucClSettings.builder().optAlpha(0.4, false, 0).optA(0.9, false).optB(0.1, false).build();
    AucClObjective o = objective(s);
    assertTrue(o.minimisedVariables().isEmpty());
    Harness.run(o, Reference.random(rng, 3, 4), Reference.random(rng, 3, 4), null);
    o.afterStep();
    assertEquals(java.util.Map.of("a", 0.9, "b", 0.1, "alpha", 0.4), o.scalars());
  }

  @Test
  void stateRoundTripsThroughSaveAndLoad() throws IOException {
    AucClSettings s = AucClSettings.builder().optA(1.0, true).optB(0.0, true).build();
    AucClObjective o = objective(s);
    Harness.run(o, Reference.random(rng, 3, 4), Reference.random(rng, 3, 4), null);
    o.afterStep();
    // the optimiser's step, simulated
    o.minimisedVariables().get("a").set(new float[] {0.75f});
    o.minimisedVariables().get("b").set(new float[] {0.125f});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    o.save(new DataOutputStream(bytes));
    AucClObjective restored = objective(s);
    restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(o.scalars(), restored.scalars());
    assertEquals(0.75, restored.a(), 0);
    assertEquals(0.125, restored.b(), 0);
    assertTrue(o.alpha() > 0, "ascent moved alpha from 0");
    assertEquals(o.alpha(), restored.alpha(), 0);
    assertTrue(restored.minimisedVariables().get("a").hasGradient(), "a still requires a gradient after load");

    SogClrObjective other = new SogClrObjective(0.5, 0.9);
    other.initialize(state, 10);
    assertThrows(IOException.class, () -> other.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
  }

  @Test
  void officialPresetsRefuseChangedKnobs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AucClPreset.OFFICIAL_CIFAR.settings().toBuilder().optA(1, false).build());
    assertTrue(e.getMessage().contains("fixes a = 10.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AucClSettings.builder().optAlpha(-1, false, 0).build());
    assertThrows(IllegalArgumentException.class, () -> AucClSettings.builder().optAlpha(0, true, 0).build());
    assertFalse(AucClPreset.DEFAULT.isFixed());
  }
}
