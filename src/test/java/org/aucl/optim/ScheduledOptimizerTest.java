package org.aucl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A weight decay that changes every step, and parameters frozen for some steps (DINO's training). */
class ScheduledOptimizerTest {
  private static final float[] W0 = {0.5f, -1.0f, 2.0f};

  /** Backward of sum(w * c) for every parameter, so each gradient is c. */
  private static void backward(NDManager m, Map<String, NDArray> params, float[] c) {
    try (NDManager step = m.newSubManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray loss = null;
      for (NDArray w : params.values()) {
        NDArray term = w.mul(step.create(c)).sum();
        loss = loss == null ? term : loss.add(term);
      }
      gc.backward(loss);
    }
  }

  private static Map<String, NDArray> params(NDManager m, String... names) {
    Map<String, NDArray> p = new LinkedHashMap<>();
    for (String n : names) {
      NDArray a = m.create(W0.clone());
      a.setRequiresGradient(true);
      p.put(n, a);
    }
    return p;
  }

  @Test
  void weightDecaySetBeforeEachStepIsTheOneApplied() {
    float[] c = {0.1f, 0.2f, -0.3f};
    double[] decays = {0.04, 0.2, 0.4};
    double lr = 0.01;
    double[] w = {W0[0], W0[1], W0[2]};
    double[] m1 = new double[3];
    double[] v = new double[3];
    try (NDManager m = NDManager.newBaseManager();
        ParameterOptimizer opt = Optimizers.create(OptimizerConfig.defaults("adamw"))) {
      Map<String, NDArray> p = params(m, "w");
      for (int t = 1; t <= decays.length; t++) {
        opt.setWeightDecay(decays[t - 1]);
        backward(m, p, c);
        opt.step(p, lr);
        for (int i = 0; i < 3; i++) {
          w[i] *= 1 - lr * decays[t - 1];
          m1[i] = 0.9 * m1[i] + 0.1 * c[i];
          v[i] = 0.999 * v[i] + 0.001 * c[i] * c[i];
          w[i] -= lr * (m1[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8);
        }
        float[] expected = {(float) w[0], (float) w[1], (float) w[2]};
        assertArrayEquals(expected, p.get("w").toFloatArray(), 1e-6f, "step " + t);
      }
      assertThrows(IllegalArgumentException.class, () -> opt.setWeightDecay(-0.1));
    }
  }

  @Test
  void frozenParameterKeepsItsValueAndItsGradientIsDropped() {
    float[] c = {1f, -1f, 0.5f};
    for (String name : new String[] {"adamw", "sgd", "lars"}) {
      try (NDManager m = NDManager.newBaseManager();
          ParameterOptimizer frozen = Optimizers.create(OptimizerConfig.defaults(name).withWeightDecay(0.3));
          ParameterOptimizer fresh = Optimizers.create(OptimizerConfig.defaults(name).withWeightDecay(0.3))) {
        Map<String, NDArray> p = params(m, "head.last_layer.v", "encoder.w");
        for (int t = 0; t < 3; t++) {
          backward(m, p, c);
          frozen.step(p, 0.1, n -> n.contains("last_layer"));
        }
        assertArrayEquals(W0, p.get("head.last_layer.v").toFloatArray(), name + ": the frozen parameter moved");
        assertFalse(java.util.Arrays.equals(W0, p.get("encoder.w").toFloatArray()), name + ": the other did not");
        // The dropped gradients did not accumulate: the first unfrozen step sees one backward's gradient,
        // and its moments start from zero, as a fresh optimiser's at the same step count would.
        Map<String, NDArray> q = params(m, "head.last_layer.v");
        for (int t = 0; t < 3; t++) {
          backward(m, q, new float[3]);
          fresh.step(q, 0.1, n -> true);
        }
        backward(m, p, c);
        frozen.step(p, 0.1);
        backward(m, q, c);
        fresh.step(q, 0.1);
        assertEquals(4, frozen.stepCount());
        assertArrayEquals(q.get("head.last_layer.v").toFloatArray(), p.get("head.last_layer.v").toFloatArray(), 1e-7f,
            name + ": first step after the freeze");
      }
    }
  }
}
