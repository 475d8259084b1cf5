package org.aucl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optimisers against plain-double reference updates on a loss with gradient g = c + w. */
class OptimizersTest {
  private static final double[] C = {0.5, -1.0, 2.0, 0.25, -0.75, 1.5};
  private static final double[] W0 = {0.1, -0.2, 0.3, -0.4, 0.5, -0.6};
  private static final double[] B0 = {0.05, -0.05};

  /** Backward of sum(c w) + sum(w^2)/2 over a 2x3 "weight" and sum(b^2)/2 over a 1-D "bias". */
  private static void backward(NDManager m, Map<String, NDArray> params) {
    try (NDManager step = m.newSubManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray c = step.create(toFloat(C)).reshape(2, 3);
      NDArray w = params.get("w");
      NDArray b = params.get("b");
      NDArray loss = c.mul(w).sum().add(w.square().sum().mul(0.5)).add(b.square().sum().mul(0.5));
      gc.backward(loss);
    }
  }

  private static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  private static Map<String, NDArray> params(NDManager m) {
    Map<String, NDArray> p = new LinkedHashMap<>();
    p.put("w", m.create(toFloat(W0)).reshape(2, 3));
    p.put("b", m.create(toFloat(B0)));
    for (NDArray a : p.values()) {
      a.setRequiresGradient(true);
    }
    return p;
  }

  private interface Reference {
    /** Updates w (and its state) in place given gradient g at 1-based step t. */
    void step(double[] w, double[] g, double[][] state, double lr, boolean decay, int t);
  }

  private static void check(ParameterOptimizer opt, Reference ref, int steps, int slots) {
    double[] w = W0.clone();
    double[] b = B0.clone();
    double[][] sw = new double[slots][6];
    double[][] sb = new double[slots][2];
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> p = params(m);
      for (int t = 1; t <= steps; t++) {
        double lr = 0.1 / t;
        backward(m, p);
        opt.step(p, lr);
        double[] gw = new double[6];
        for (int i = 0; i < 6; i++) {
          gw[i] = C[i] + w[i];
        }
        ref.step(w, gw, sw, lr, !opt.excludedFromWeightDecay("w"), t);
        ref.step(b, b.clone(), sb, lr, !opt.excludedFromWeightDecay("b"), t);
        assertArrayEquals(toFloat(w), p.get("w").toFloatArray(), 1e-5f, opt.name() + " step " + t);
        assertArrayEquals(toFloat(b), p.get("b").toFloatArray(), 1e-5f, opt.name() + " bias step " + t);
      }
    } finally {
      opt.close();
    }
  }

  private static Reference adamw(double wd) {
    return (w, g, s, lr, decay, t) -> {
      for (int i = 0; i < w.length; i++) {
        if (decay) {
          w[i] *= 1 - lr * wd;
        }
        s[0][i] = 0.9 * s[0][i] + 0.1 * g[i];
        s[1][i] = 0.999 * s[1][i] + 0.001 * g[i] * g[i];
        double mh = s[0][i] / (1 - Math.pow(0.9, t));
        double denom = Math.sqrt(s[1][i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
        w[i] -= lr * mh / denom;
      }
    };
  }

  @Test
  void adamwMatchesReferenceOverSeveralSteps() {
    check(Optimizers.create(OptimizerConfig.defaults("adamw").withWeightDecay(0.1)), adamw(0.1), 1, 2);
    check(Optimizers.create(OptimizerConfig.defaults("adamw").withWeightDecay(0.1)), adamw(0.1), 5, 2);
  }

  @Test
  void weightDecayExclusionLeavesBiasUndecayed() {
    ParameterOptimizer opt = Optimizers.create(OptimizerConfig.defaults("adamw").withWeightDecay(0.5));
    opt.excludeFromWeightDecay(n -> n.equals("b"));
    Reference decayed = adamw(0.5);
    check(opt, decayed, 4, 2); // the reference reads excludedFromWeightDecay, so "b" is undecayed there too
    ParameterOptimizer probe = Optimizers.create(OptimizerConfig.defaults("adamw"));
    probe.excludeFromWeightDecay(n -> n.startsWith("objective."));
    assertEquals(true, probe.excludedFromWeightDecay("objective.b"));
    assertEquals(false, probe.excludedFromWeightDecay("encoder.x"));
    probe.close();
  }

  @Test
  void excludedParameterDiffersFromDecayedOne() {
    // Same run with and without the exclusion: only the excluded parameter changes.
    float[] withDecay;
    float[] without;
    try (NDManager m = NDManager.newBaseManager(); ParameterOptimizer a = Optimizers.create(OptimizerConfig.defaults("adamw").withWeightDecay(0.5));
        ParameterOptimizer b = Optimizers.create(OptimizerConfig.defaults("adamw").withWeightDecay(0.5))) {
      b.excludeFromWeightDecay(n -> n.equals("b"));
      Map<String, NDArray> pa = params(m);
      Map<String, NDArray> pb = params(m);
      for (int t = 0; t < 3; t++) {
        backward(m, pa);
        a.step(pa, 0.1);
        backward(m, pb);
        b.step(pb, 0.1);
      }
      assertArrayEquals(pa.get("w").toFloatArray(), pb.get("w").toFloatArray());
      withDecay = pa.get("b").toFloatArray();
      without = pb.get("b").toFloatArray();
    }
    assertEquals(true, Math.abs(withDecay[0]) < Math.abs(without[0]));
  }

  @Test
  void sgdMatchesReference() {
    for (boolean nesterov : new boolean[] {false, true}) {
      OptimizerConfig c = new OptimizerConfig("sgd", 0.1, 0.01, 0.9, 0.9, 0.999, 1e-8, nesterov, 0.001);
      check(Optimizers.create(c), (w, g, s, lr, decay, t) -> {
        for (int i = 0; i < w.length; i++) {
          double d = g[i] + (decay ? 0.01 * w[i] : 0);
          s[0][i] = 0.9 * s[0][i] + d;
          w[i] -= lr * (nesterov ? d + 0.9 * s[0][i] : s[0][i]);
        }
      }, 4, 1);
    }
  }

  @Test
  void larsMatchesReferenceAndSkipsOneDimensionalParameters() {
    OptimizerConfig c = new OptimizerConfig("lars", 0.3, 0.01, 0.9, 0.9, 0.999, 1e-8, false, 0.001);
    check(Optimizers.create(c), (w, g, s, lr, decay, t) -> {
      boolean adapt = decay && w.length == 6; // "b" is 1-D: no decay, no adaptation
      double[] d = g.clone();
      double scaled = lr;
      if (adapt) {
        double wn = 0;
        double dn = 0;
        for (int i = 0; i < w.length; i++) {
          d[i] += 0.01 * w[i];
          wn += w[i] * w[i];
        }
        for (double x : d) {
          dn += x * x;
        }
        scaled = lr * 0.001 * Math.sqrt(wn) / Math.sqrt(dn);
      }
      for (int i = 0; i < w.length; i++) {
        s[0][i] = 0.9 * s[0][i] + scaled * d[i];
        w[i] -= s[0][i];
      }
    }, 4, 1);
  }

  @Test
  void saveLoadContinuesIdentically() throws Exception {
    for (String name : new String[] {"adamw", "sgd", "lars"}) {
      try (NDManager m = NDManager.newBaseManager();
          ParameterOptimizer a = Optimizers.create(OptimizerConfig.defaults(name));
          ParameterOptimizer b = Optimizers.create(OptimizerConfig.defaults(name))) {
        Map<String, NDArray> pa = params(m);
        for (int t = 0; t < 3; t++) {
          backward(m, pa);
          a.step(pa, 0.05);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(new DataOutputStream(bytes));
        b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(3, b.stepCount());
        Map<String, NDArray> pb = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : pa.entrySet()) {
          NDArray copy = e.getValue().duplicate();
          copy.setRequiresGradient(true);
          pb.put(e.getKey(), copy);
        }
        for (int t = 0; t < 3; t++) {
          backward(m, pa);
          a.step(pa, 0.05);
          backward(m, pb);
          b.step(pb, 0.05);
        }
        for (String k : pa.keySet()) {
          assertArrayEquals(pa.get(k).toFloatArray(), pb.get(k).toFloatArray(), name + " " + k);
        }
      }
    }
  }

  @Test
  void scheduleWarmsUpThenDecaysToFloor() {
    LrSchedule s = new LrSchedule(1.0, 4, 14, 0.1);
    assertEquals(0.25, s.lr(0), 1e-12);
    assertEquals(1.0, s.lr(3), 1e-12);
    assertEquals(1.0, s.lr(4), 1e-12);
    assertEquals(0.1 + 0.9 * 0.5, s.lr(9), 1e-12); // half-way through the cosine
    assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 9 / 10)), s.lr(13), 1e-12);
    assertEquals(0.1, s.lr(14), 1e-12);
    assertEquals(0.5, LrSchedule.constant(0.5).lr(1000), 0);
    assertThrows(IllegalArgumentException.class, () -> new LrSchedule(1.0, 5, 4, 0));
    assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.defaults("adam"));
  }
}
