package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisionTransformerTest {

  /** Parameters of a ViT without head, counted layer by layer. */
  private static long hand(int channels, int patch, int image, long d, int depth) {
    long grid = image / patch;
    long embed = channels * (long) patch * patch * d + d; // conv weight + bias
    long tokens = d + (grid * grid + 1) * d; // class token + position embeddings
    long block = 2 * d // norm1
        + d * 3 * d + 3 * d // qkv
        + d * d + d // proj
        + 2 * d // norm2
        + d * 4 * d + 4 * d // fc1
        + 4 * d * d + d; // fc2
    return embed + tokens + depth * block + 2 * d; // + final norm
  }

  private static long encoderParams(String arch, int channels, int image, int patch) {
    try (ContrastiveNet net = ContrastiveNet.create(new NetConfig(arch, "cifar", channels, 1.0, 32, 16, image, patch), 1)) {
      return net.parameterCount(false);
    }
  }

  @Test
  void parameterCountsMatchTimm() {
    // timm vit_small_patch16_224 has 22,050,664 parameters with its 384 x 1000 classifier
    assertEquals(21_665_664L, hand(3, 16, 224, 384, 12));
    assertEquals(22_050_664L - 384_000 - 1000, encoderParams("vit-small", 3, 224, 16));
    // vit_tiny_patch16_224: 5,717,416 with its 192 x 1000 classifier
    assertEquals(5_717_416L - 192_000 - 1000, encoderParams("vit-tiny", 3, 224, 16));
    assertEquals(hand(1, 4, 28, 192, 12), encoderParams("vit-tiny", 1, 28, 4));
  }

  private static VisionTransformer small(long seed, NDManager m) {
    VisionTransformer vit = VisionTransformer.builder().setDim(16).setDepth(2).setHeads(2)
        .optPatchSize(4).optImageSize(16).optInChannels(1).build();
    Engine.getInstance().setRandomSeed((int) seed);
    vit.initialize(m, DataType.FLOAT32, new Shape(2, 1, 16, 16));
    return vit;
  }

  private static Map<String, float[]> params(Block b) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : b.getParameters()) {
      out.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    return out;
  }

  @Test
  void outputIsTheClassTokenAtTheBuiltAndAtOtherSizes() {
    try (NDManager m = NDManager.newBaseManager()) {
      VisionTransformer vit = small(1, m);
      ParameterStore ps = new ParameterStore(m, false);
      assertEquals(4, vit.grid());
      for (int[] hw : new int[][] {{16, 16}, {8, 8}, {12, 8}, {19, 19}}) {
        NDArray x = m.randomNormal(new Shape(3, 1, hw[0], hw[1]));
        NDArray y = vit.forward(ps, new NDList(x), false).singletonOrThrow();
        assertEquals(new Shape(3, 16), y.getShape(), Arrays.toString(hw));
        assertFalse(Float.isNaN(y.sum().getFloat()));
      }
    }
  }

  @Test
  void forwardAndBackwardReachEveryParameterAtALocalCropSize() {
    try (NDManager m = NDManager.newBaseManager()) {
      VisionTransformer vit = small(2, m);
      for (Pair<String, Parameter> p : vit.getParameters()) {
        p.getValue().getArray().setRequiresGradient(true);
      }
      ParameterStore ps = new ParameterStore(m, false);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray x = m.randomNormal(new Shape(2, 1, 8, 8));
        NDArray y = vit.forward(ps, new NDList(x), true).singletonOrThrow();
        gc.backward(y.square().sum());
      }
      for (Pair<String, Parameter> p : vit.getParameters()) {
        float g = p.getValue().getArray().getGradient().abs().sum().getFloat();
        assertTrue(g > 0, p.getKey() + " got no gradient");
      }
    }
  }

  @Test
  void initialisationIsDeterministicAndTimmLike() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, float[]> a = params(small(7, m));
      Map<String, float[]> b = params(small(7, m));
      Map<String, float[]> c = params(small(8, m));
      for (String k : a.keySet()) {
        assertArrayEquals(a.get(k), b.get(k), k);
      }
      String qkv = a.keySet().stream().filter(k -> k.contains("qkv") && k.endsWith("weight")).findFirst().orElseThrow();
      assertFalse(Arrays.equals(a.get(qkv), c.get(qkv)));
      assertEquals(0.02, rms(a.get(qkv)), 0.003); // 48 x 16 weights ~ N(0, 0.02^2)
      String pos = a.keySet().stream().filter(k -> k.endsWith("pos_embed")).findFirst().orElseThrow();
      assertEquals(17 * 16, a.get(pos).length);
      for (String k : a.keySet()) {
        boolean linearBias = k.endsWith("bias") && !k.contains("patch_embed");
        if (linearBias || k.endsWith("beta")) {
          assertEquals(0.0, rms(a.get(k)), 0.0, k);
        }
        if (k.endsWith("gamma")) {
          assertEquals(1.0, rms(a.get(k)), 1e-7, k);
        }
      }
    }
  }

  private static double rms(float[] v) {
    double s = 0;
    for (float f : v) {
      s += (double) f * f;
    }
    return Math.sqrt(s / v.length);
  }

  @Test
  void geluIsTheExactErfForm() {
    try (NDManager m = NDManager.newBaseManager()) {
      // 0.5 (1 + erf(1 / sqrt 2)) = 0.8413447; the tanh approximation gives 0.8411920
      assertEquals(0.8413447, Activation.gelu(m.create(new float[] {1f})).getFloat(0), 1e-6);
    }
  }

  @Test
  void attentionMatchesALoopReference() {
    int d = 4;
    int heads = 2;
    int t = 3;
    try (NDManager m = NDManager.newBaseManager()) {
      SelfAttention attn = new SelfAttention(d, heads);
      Engine.getInstance().setRandomSeed(3);
      attn.initialize(m, DataType.FLOAT32, new Shape(1, t, d));
      Map<String, float[]> p = params(attn);
      float[][] w = p.values().toArray(new float[0][]); // qkv weight, qkv bias, proj weight, proj bias
      float[] x = new float[t * d];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) Math.sin(i + 1.0);
      }
      float[] got = attn.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(1, t, d))), false)
          .singletonOrThrow().toFloatArray();
      // reference: qkv = x W^T + b, split into q, k, v and heads of size d / heads
      int dh = d / heads;
      double[][] qkv = new double[t][3 * d];
      for (int i = 0; i < t; i++) {
        for (int o = 0; o < 3 * d; o++) {
          double s = w[1][o];
          for (int c = 0; c < d; c++) {
            s += w[0][o * d + c] * x[i * d + c];
          }
          qkv[i][o] = s;
        }
      }
      double[][] mixed = new double[t][d];
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < t; i++) {
          double[] logits = new double[t];
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < t; j++) {
            double s = 0;
            for (int c = 0; c < dh; c++) {
              s += qkv[i][h * dh + c] * qkv[j][d + h * dh + c];
            }
            logits[j] = s / Math.sqrt(dh);
            max = Math.max(max, logits[j]);
          }
          double z = 0;
          for (int j = 0; j < t; j++) {
            logits[j] = Math.exp(logits[j] - max);
            z += logits[j];
          }
          for (int j = 0; j < t; j++) {
            for (int c = 0; c < dh; c++) {
              mixed[i][h * dh + c] += logits[j] / z * qkv[j][2 * d + h * dh + c];
            }
          }
        }
      }
      for (int i = 0; i < t; i++) {
        for (int o = 0; o < d; o++) {
          double s = w[3][o];
          for (int c = 0; c < d; c++) {
            s += w[2][o * d + c] * mixed[i][c];
          }
          assertEquals(s, got[i * d + o], 1e-6, "token " + i + " unit " + o);
        }
      }
    }
  }

  @Test
  void multiplyAddsCountedByHand() {
    // vit-tiny, patch 4, 1 x 28 x 28: 49 patches + class token = 50 tokens
    long d = 192;
    long t = 50;
    long perBlock = t * d * 3 * d + 2 * t * t * d + t * d * d + 2 * t * d * 4 * d;
    long expected = 49 * d * 16 + 12 * perBlock;
    assertEquals(expected, ContrastiveNet.macsPerImage(new NetConfig("vit-tiny", "cifar", 1, 1.0, 32, 16, 28, 4), false));
  }

  @Test
  void rejectsImpossibleShapes() {
    assertThrows(IllegalArgumentException.class, () -> VisionTransformer.builder().setDim(10).setDepth(1).setHeads(3).build());
    assertThrows(IllegalArgumentException.class, () -> VisionTransformer.tiny().optImageSize(8).optPatchSize(16).build());
    assertThrows(IllegalArgumentException.class, () -> new NetConfig("vit-small", "cifar", 1, 1.0, 32, 16, 28, 32));
  }
}
