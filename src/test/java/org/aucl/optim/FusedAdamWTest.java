package org.aucl.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fused native AdamW update against the same update issued as separate operations. */
class FusedAdamWTest {
  /** fp32 rounding of two orders of the same arithmetic, over 20 steps. */
  private static final double TOLERANCE = 2e-6;

  @Test
  void fusedKernelFollowsTheSeparateOperationsOverTwentySteps() {
    try (NDManager m = NDManager.newBaseManager();
        AdamW fused = new AdamW(0.05, 0.9, 0.999, 1e-8, true);
        AdamW plain = new AdamW(0.05, 0.9, 0.999, 1e-8, false)) {
      Map<String, NDArray> a = params(m);
      Map<String, NDArray> b = params(m);
      fused.excludeFromWeightDecay(n -> n.equals("bias"));
      plain.excludeFromWeightDecay(n -> n.equals("bias"));
      for (int t = 1; t <= 20; t++) {
        double lr = 0.01 * (1 + Math.sin(t));
        setGradients(a, t);
        setGradients(b, t);
        fused.step(a, lr);
        plain.step(b, lr);
      }
      for (String name : a.keySet()) {
        float[] x = a.get(name).toFloatArray();
        float[] y = b.get(name).toFloatArray();
        for (int i = 0; i < x.length; i++) {
          assertEquals(y[i], x[i], TOLERANCE * Math.max(1, Math.abs(y[i])), name + "[" + i + "]");
        }
      }
    }
  }

  private static Map<String, NDArray> params(NDManager m) {
    Map<String, NDArray> p = new LinkedHashMap<>();
    p.put("weight", m.arange(0f, 24f).reshape(new Shape(4, 6)).div(10).sub(1));
    p.put("bias", m.arange(0f, 4f).div(3));
    p.values().forEach(v -> v.setRequiresGradient(true));
    return p;
  }

  /** Gradient of sum(c * w^2 / 2 + cos(t) * w) with c = 1 + index mod 3: w-dependent, changing sign over t. */
  private static void setGradients(Map<String, NDArray> p, int t) {
    try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
      NDArray total = null;
      for (NDArray w : p.values()) {
        NDArray c = w.getManager().arange(0f, (float) w.size()).reshape(w.getShape()).mod(3).add(1);
        NDArray term = w.square().mul(c).div(2).add(w.mul(Math.cos(t))).sum();
        total = total == null ? term : total.add(term);
      }
      gc.backward(total);
    }
  }
}
