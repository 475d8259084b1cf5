package org.aucl.method.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aucl.model.DinoHead;
import org.junit.jupiter.api.Test;

/** Per-tensor clipping and the first-epoch freeze of the head's last layer. */
class TeacherGradientsTest {

  /** Parameters a = (3, 4) and b = (0.1, 0.2) with gradients equal to themselves (loss sum x^2 / 2). */
  private static Map<String, NDArray> withGradients(NDManager m) {
    Map<String, NDArray> p = new LinkedHashMap<>();
    p.put("a", m.create(new float[] {3, 4}));
    p.put("head.last_layer.weight_v", m.create(new float[] {0.1f, 0.2f}));
    for (NDArray x : p.values()) {
      x.setRequiresGradient(true);
    }
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray loss = p.get("a").square().sum().add(p.get("head.last_layer.weight_v").square().sum()).div(2f);
      gc.backward(loss);
    }
    return p;
  }

  @Test
  void clipsEachTensorToItsOwnNorm() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> p = withGradients(m);
      Map<String, Double> norms = GradientClipping.clipPerTensor(p, 3);
      assertEquals(5.0, norms.get("a"), 1e-6);
      // (3, 4) has norm 5 > 3: scaled by 3 / (5 + 1e-6)
      float s = (float) (3 / (5 + 1e-6));
      assertArrayEquals(new float[] {3 * s, 4 * s}, p.get("a").getGradient().toFloatArray(), 1e-6f);
      // the small tensor is left alone: the clipping is not on the global norm
      assertArrayEquals(new float[] {0.1f, 0.2f}, p.get("head.last_layer.weight_v").getGradient().toFloatArray(), 1e-7f);
    }
  }

  @Test
  void freezesTheLastLayerInTheFirstEpochOnly() {
    LastLayerFreeze freeze = new LastLayerFreeze(1, DinoHead::isLastLayer);
    assertTrue(freeze.frozen("head.last_layer.weight_g", 0));
    assertFalse(freeze.frozen("head.last_layer.weight_g", 1));
    assertFalse(freeze.frozen("a", 0));
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> p = withGradients(m);
      freeze.zeroGradients(p, 1);
      assertArrayEquals(new float[] {0.1f, 0.2f}, p.get("head.last_layer.weight_v").getGradient().toFloatArray(), 1e-7f);
      freeze.zeroGradients(p, 0);
      assertArrayEquals(new float[] {0, 0}, p.get("head.last_layer.weight_v").getGradient().toFloatArray());
      assertArrayEquals(new float[] {3, 4}, p.get("a").getGradient().toFloatArray());
    }
  }
}
