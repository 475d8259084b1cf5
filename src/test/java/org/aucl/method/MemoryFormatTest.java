package org.aucl.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import org.aucl.augment.PairBatch;
import org.aucl.loss.ContrastiveObjective;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.loss.Objectives;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.MemoryFormat;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;
import org.aucl.optim.Optimizers;
import org.aucl.optim.ParameterOptimizer;
import org.junit.jupiter.api.Test;

/** The channels-last layout changes no value beyond rounding: features, and a few training steps. */
class MemoryFormatTest {
  /** Plain SGD: a weight's move is lr times its gradient (Adam's first step is lr times its sign). */
  private static final double LR = 0.01;

  @Test
  void bothLayoutsGiveTheSameFeatures() {
    for (NetConfig cfg : configs()) {
      try (ContrastiveNet a = ContrastiveNet.create(cfg, 3);
          ContrastiveNet b = ContrastiveNet.create(cfg, 3);
          NDManager m = a.manager().newSubManager()) {
        a.useMemoryFormat(MemoryFormat.CONTIGUOUS);
        b.useMemoryFormat(MemoryFormat.CHANNELS_LAST);
        float[] pixels = gaussian(new Random(1), 6 * cfg.inChannels() * cfg.imageSize() * cfg.imageSize());
        NDArray x = m.create(pixels, new Shape(6, cfg.inChannels(), cfg.imageSize(), cfg.imageSize()));
        float[] fa = a.features(x, false).toFloatArray();
        float[] fb = b.features(x, false).toFloatArray();
        assertArrayEquals(fa, fb, 1e-5f, cfg.stem() + ", " + cfg.inChannels() + " channels: eval features");
        float[] ta = a.features(x, true).toFloatArray();
        float[] tb = b.features(x, true).toFloatArray();
        assertArrayEquals(ta, tb, 1e-5f, cfg.stem() + ", " + cfg.inChannels() + " channels: training features");
      }
    }
  }

  /**
   * One AUC-CL step (forward, loss, backward, plain SGD) in each layout moves every weight the same way
   * to a stated tolerance, 1e-3 of the largest move (measured: 1e-5 to 4e-5), and the next step's loss,
   * which reads those weights, agrees to 1e-5. Longer comparisons are not a test: at this toy scale (8
   * images of 12 x 12, 1 x 1 maps in the last stage) a ReLU or max-pool flip makes trajectories part
   * after two or three steps, and moving one pixel by 1e-6 parts them as often (docs/MODELS.md).
   */
  @Test
  void anAucClStepMovesTheWeightsAlike() {
    OptimizerConfig sgd = OptimizerConfig.defaults("sgd").withMomentum(0).withWeightDecay(0);
    for (NetConfig cfg : configs()) {
      try (ContrastiveNet a = ContrastiveNet.create(cfg, 5);
          ContrastiveNet b = ContrastiveNet.create(cfg, 5);
          ContrastiveNet start = ContrastiveNet.create(cfg, 5);
          NDManager ma = a.manager().newSubManager();
          NDManager mb = b.manager().newSubManager();
          ContrastiveObjective oa = Objectives.create(ObjectiveConfig.of("auc-cl"));
          ContrastiveObjective ob = Objectives.create(ObjectiveConfig.of("auc-cl"));
          ParameterOptimizer pa = Optimizers.create(sgd);
          ParameterOptimizer pb = Optimizers.create(sgd)) {
        a.useMemoryFormat(MemoryFormat.CONTIGUOUS);
        b.useMemoryFormat(MemoryFormat.CHANNELS_LAST);
        oa.initialize(ma, 8);
        ob.initialize(mb, 8);
        TwoViewStep sa = new TwoViewStep(a, oa, pa, false);
        TwoViewStep sb = new TwoViewStep(b, ob, pb, false);
        Random r = new Random(9);
        String what = cfg.inChannels() + " channels, " + cfg.stem() + " stem";
        PairBatch first = TwoViewStepTest.batch(r, 8, cfg.inChannels(), cfg.imageSize());
        assertEquals(sa.run(first, LR).loss(), sb.run(first, LR).loss(), 1e-5, what + ": first loss");
        for (Map.Entry<String, NDArray> e : start.parameters().entrySet()) {
          NDArray wa = a.parameters().get(e.getKey());
          double moved = wa.sub(e.getValue()).abs().max().getFloat();
          double apart = wa.sub(b.parameters().get(e.getKey())).abs().max().getFloat();
          assertTrue(moved > 0, what + ": " + e.getKey() + " moved");
          assertTrue(apart <= 1e-3 * moved, what + ": " + e.getKey() + " moved " + moved + ", layouts " + apart + " apart");
        }
        PairBatch second = TwoViewStepTest.batch(r, 8, cfg.inChannels(), cfg.imageSize());
        double la = sa.run(second, LR).loss();
        assertEquals(la, sb.run(second, LR).loss(), 1e-5 * Math.abs(la), what + ": second loss");
      }
    }
  }

  @Test
  void theDefaultIsChannelsLastOnTheCpu() {
    assertEquals(MemoryFormat.CHANNELS_LAST, MemoryFormat.forDevice(ai.djl.Device.cpu()));
    assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forDevice(ai.djl.Device.gpu()));
  }

  @Test
  void aVitStaysContiguous() {
    assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forModel("vit-tiny", ai.djl.Device.cpu()));
    assertEquals(MemoryFormat.CHANNELS_LAST, MemoryFormat.forModel("resnet18", ai.djl.Device.cpu()));
    try (ContrastiveNet vit = ContrastiveNet.create(new NetConfig("vit-tiny", "cifar", 3, 1, 32, 16, 16, 8), 1)) {
      assertEquals(MemoryFormat.CONTIGUOUS, vit.memoryFormat());
    }
  }

  /** Both stems with one and three channels (the default job's: one, small), H x W of 12. */
  private static NetConfig[] configs() {
    return new NetConfig[] {
      new NetConfig("resnet18", "small", 1, 0.125, 32, 16, 12),
      new NetConfig("resnet18", "cifar", 3, 0.125, 32, 16, 12),
      new NetConfig("resnet18", "small", 3, 0.125, 32, 16, 12),
      new NetConfig("resnet18", "cifar", 1, 0.125, 32, 16, 12),
    };
  }

  private static float[] gaussian(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }
}
