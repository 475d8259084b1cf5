package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class DinoHeadTest {

  private static DinoHead head(NDManager m) {
    DinoHead h = DinoHead.builder().optHidden(12).optBottleneck(5).optOutDim(7).build();
    Engine.getInstance().setRandomSeed(4);
    h.initialize(m, DataType.FLOAT32, new Shape(3, 6));
    return h;
  }

  private static NDArray param(DinoHead h, String suffix) {
    for (Pair<String, Parameter> p : h.getParameters()) {
      if (p.getKey().endsWith(suffix)) {
        return p.getValue().getArray();
      }
    }
    throw new AssertionError("no parameter " + suffix);
  }

  @Test
  void shapesAndDefaults() {
    try (NDManager m = NDManager.newBaseManager()) {
      DinoHead h = head(m);
      NDArray y = h.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(3, 6))), false)
          .singletonOrThrow();
      assertEquals(new Shape(3, 7), y.getShape());
      assertEquals(new Shape(7, 5), param(h, "weight_v").getShape());
      assertEquals(new Shape(7, 1), param(h, "weight_g").getShape());
      assertEquals(65_536, DinoHead.builder().build().outDim());
      assertEquals(2, h.getParameters().keys().stream().filter(DinoHead::isLastLayer).count()); // v and g
      assertThrows(IllegalArgumentException.class, () -> DinoHead.builder().optLayers(0).build());
    }
  }

  @Test
  void lastLayerIsGTimesTheUnitRowsOfVAppliedToTheNormalisedBottleneck() {
    try (NDManager m = NDManager.newBaseManager()) {
      DinoHead h = head(m);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray v = param(h, "weight_v");
      NDArray g = param(h, "weight_g");
      for (float gk : g.toFloatArray()) {
        assertEquals(1f, gk); // DINO fills g with 1
      }
      float bound = (float) (1 / Math.sqrt(5));
      for (float vk : v.toFloatArray()) {
        assertTrue(Math.abs(vk) <= bound, "v outside nn.Linear's default range");
      }
      g.set(new float[] {1, 2, 3, 4, 5, 6, 7});
      NDArray x = m.randomNormal(new Shape(3, 6));
      float[] out = h.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
      // the bottleneck, normalised, through the MLP alone
      Pair<String, ai.djl.nn.Block> mlp = h.getChildren().get(0);
      float[] z = mlp.getValue().forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
      float[] vv = v.toFloatArray();
      float[] gg = g.toFloatArray();
      for (int i = 0; i < 3; i++) {
        double zn = 0;
        for (int c = 0; c < 5; c++) {
          zn += z[i * 5 + c] * z[i * 5 + c];
        }
        zn = Math.sqrt(zn);
        for (int k = 0; k < 7; k++) {
          double vn = 0;
          double dot = 0;
          for (int c = 0; c < 5; c++) {
            vn += vv[k * 5 + c] * vv[k * 5 + c];
            dot += vv[k * 5 + c] * z[i * 5 + c] / zn;
          }
          assertEquals(gg[k] * dot / Math.sqrt(vn), out[i * 7 + k], 1e-5);
        }
      }
      // rescaling v leaves the output unchanged: only its direction counts
      v.muli(3.5f);
      assertEquals(0, h.forward(ps, new NDList(x), false).singletonOrThrow()
          .sub(m.create(out, new Shape(3, 7))).abs().max().getFloat(), 1e-5);
    }
  }

  @Test
  void gradientsReachTheNormGOfTheLastLayer() {
    try (NDManager m = NDManager.newBaseManager()) {
      DinoHead h = head(m);
      for (Pair<String, Parameter> p : h.getParameters()) {
        p.getValue().getArray().setRequiresGradient(true);
      }
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray y = h.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(3, 6))), true)
            .singletonOrThrow();
        gc.backward(y.mul(m.arange(21f).reshape(3, 7)).sum());
      }
      for (Pair<String, Parameter> p : h.getParameters()) {
        assertTrue(p.getValue().getArray().getGradient().abs().sum().getFloat() > 0, p.getKey());
      }
    }
  }
}
