package org.aucl.loss;

import static org.aucl.loss.Harness.assertMatrixClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** SogCLR against {@link LibAucGcLoss}, the literal transcription of LibAUC's GCLoss_v1, step by step. */
class SogClrObjectiveTest {
  private static final double TAU = ObjectiveConfig.DEFAULT_SOGCLR_TEMPERATURE;
  private static final double GAMMA = ObjectiveConfig.DEFAULT_SOGCLR_GAMMA;
  private static final int IMAGES = 10;
  private final Random rng = new Random(3);
  private NDManager state;

  @BeforeEach
  void open() {
    state = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    state.close();
  }

  private SogClrObjective objective() {
    SogClrObjective o = (SogClrObjective) Objectives.create(ObjectiveConfig.of("sogclr"));
    o.initialize(state, IMAGES);
    return o;
  }

  /** One step of both; value and gradients compared; returns LibAUC's step (its u already updated). */
  private LibAucGcLoss.Step stepBoth(SogClrObjective o, LibAucGcLoss ref, long[] index) {
    double[][] z1 = Reference.random(rng, index.length, 5);
    double[][] z2 = Reference.noisyCopy(rng, z1, 0.5);
    Harness.Result r = Harness.run(o, z1, z2, index);
    LibAucGcLoss.Step s = ref.forward(z1, z2, index);
    assertEquals(s.loss(), r.loss(), 1e-9 * Math.max(1, Math.abs(s.loss())), "loss value");
    assertMatrixClose(Reference.numericGradient(
        (x, y) -> LibAucGcLoss.lossWithWeights(x, y, s.weights1(), s.weights2()), z1, z2, 0, 1e-6), r.grad1(), 1e-5, "dL/dz1");
    assertMatrixClose(Reference.numericGradient(
        (x, y) -> LibAucGcLoss.lossWithWeights(x, y, s.weights1(), s.weights2()), z1, z2, 1, 1e-6), r.grad2(), 1e-5, "dL/dz2");
    return s;
  }

  private static void assertSameU(LibAucGcLoss ref, SogClrObjective o) {
    for (int i = 0; i < IMAGES; i++) {
      assertEquals(ref.u[i], o.movingAverage(i), 1e-9 * Math.max(1, ref.u[i]), "u of image " + i);
    }
  }

  @Test
  void followsLibAucAcrossFirstVisitsLaterVisitsAndBothViews() {
    SogClrObjective o = objective();
    LibAucGcLoss ref = new LibAucGcLoss(IMAGES, TAU, GAMMA);

    // Step 1: no image seen, so gamma is 1 (the estimates are set); the two views' estimates differ.
    LibAucGcLoss.Step s1 = stepBoth(o, ref, new long[] {0, 3, 5, 7});
    assertEquals(1.0, s1.gamma());
    assertNotEquals(s1.u1()[0], s1.u2()[0], "the test needs per-view estimates that differ");
    assertEquals(0, o.movingAverage(3), 0, "forward alone commits nothing");
    o.afterStep();
    assertSameU(ref, o);

    // Step 2: 3 and 7 seen, 1 and 2 new: LibAUC averages with gamma for the whole batch, so the new
    // images start at gamma g (not g, as a per-image first-visit rule would give).
    LibAucGcLoss.Step s2 = stepBoth(o, ref, new long[] {3, 1, 7, 2});
    assertEquals(GAMMA, s2.gamma());
    o.afterStep();
    assertSameU(ref, o);
    o.afterStep();
    assertSameU(ref, o); // a second afterStep without a forward changes nothing

    // Step 3: a batch of images none of which was seen starts over with gamma 1.
    assertEquals(1.0, stepBoth(o, ref, new long[] {4, 6, 8, 9}).gamma());
    o.afterStep();
    assertSameU(ref, o);
  }

  @Test
  void savedStateResumesTheSameSequence() throws IOException {
    SogClrObjective o = objective();
    LibAucGcLoss ref = new LibAucGcLoss(IMAGES, TAU, GAMMA);
    stepBoth(o, ref, new long[] {0, 3, 5, 7});
    o.afterStep();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    o.save(new DataOutputStream(bytes));

    SogClrObjective restored = objective();
    restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertSameU(ref, restored);
    assertEquals(o.scalars(), restored.scalars());
    // The restored objective knows which images were seen: a mixed batch averages with gamma.
    assertEquals(GAMMA, stepBoth(restored, ref, new long[] {5, 1, 0, 9}).gamma());
    restored.afterStep();
    assertSameU(ref, restored);

    SogClrObjective wrongSize = (SogClrObjective) Objectives.create(ObjectiveConfig.of("sogclr"));
    wrongSize.initialize(state, IMAGES + 1);
    assertThrows(IOException.class, () -> wrongSize.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
  }

  @Test
  void stateOfTheEarlierFormatIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StateFormat.writeHeader(new DataOutputStream(bytes), SogClrObjective.NAME, 1);
    IOException e = assertThrows(IOException.class,
        () -> objective().load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    assertTrue(e.getMessage().contains("format version 1, this build reads version 2"), e.getMessage());
  }

  @Test
  void defaultsAreLibAucs() {
    assertEquals(0.1, ObjectiveConfig.of("sogclr").temperature());
    assertEquals(0.9, ObjectiveConfig.of("sogclr").sogclrGamma());
    assertEquals(0.5, ObjectiveConfig.of("simclr").temperature());
  }

  @Test
  void indicesAreRequiredAndChecked() {
    SogClrObjective o = objective();
    double[][] z = Reference.random(rng, 2, 3);
    assertThrows(IllegalArgumentException.class, () -> Harness.run(o, z, z, null));
    assertThrows(IllegalArgumentException.class, () -> Harness.run(o, z, z, new long[] {0, IMAGES}));
    assertThrows(IllegalArgumentException.class, () -> ObjectiveConfig.of("sogclr").withSogclrGamma(0));
  }
}
