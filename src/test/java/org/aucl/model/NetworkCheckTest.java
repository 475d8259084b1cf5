package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole-network check: for the networks the tests train, at the batches they train at, it finds a
 * layout whose float32 training pass is right against float64, networks made afterwards use it, and
 * the check leaves the network it was given as it found it.
 */
class NetworkCheckTest {
  /** The default job's network, the narrowest allowed with the other stem, a small ViT. */
  private static final NetConfig[] CONFIGS = {
    new NetConfig("resnet18", "small", 1, 0.25, 64, 32, 28),
    new NetConfig("resnet18", "cifar", 3, 0.25, 32, 16, 12),
    new NetConfig("vit-tiny", "cifar", 3, 1, 32, 16, 16, 8),
  };

  @Test
  void everyNetworkTrainsInALayoutShownRight() {
    for (NetConfig cfg : CONFIGS) {
      for (int batch : new int[] {16, 64, 16}) { // 16 again: a cached choice is the one networks take
        try (ContrastiveNet net = ContrastiveNet.create(cfg, 5, Device.cpu())) {
          MemoryFormat chosen = NetworkCheck.chooseLayout(net, batch);
          for (long seed = 1; seed <= NetworkCheck.DRAWS; seed++) {
            NetworkCheck.Draw d = NetworkCheck.draw(net, batch, seed);
            System.out.printf("%s %s stem, batch %d, draw %d: chose %s; %s%n", cfg.arch(), cfg.stem(), batch, seed,
                chosen.label(), d);
            if (!NetConfig.isVitArch(cfg.arch())) {
              assertTrue(!d.blames(chosen), cfg + " at " + batch + ": " + d);
            }
          }
          if (!NetConfig.isVitArch(cfg.arch())) {
            try (ContrastiveNet next = ContrastiveNet.create(cfg, 6, Device.cpu())) {
              assertEquals(chosen, next.memoryFormat(), "a network made after the check uses the layout it chose");
            }
          }
        }
      }
    }
  }

  @Test
  void aDrawBlamesALayoutOnlyWhenFloat32CouldDoBetter() {
    NetworkCheck.ArrayError right = new NetworkCheck.ArrayError("w", 1e-5, 1e-3);
    NetworkCheck.ArrayError off = new NetworkCheck.ArrayError("w", 4e-2, 1e-3);
    NetworkCheck.ArrayError sensitive = new NetworkCheck.ArrayError("w", 4e-2, 1e-1);
    assertTrue(off.wrong() && !right.wrong() && !sensitive.wrong(), "wrong only past the tolerance and the sensitivity");
    assertTrue(!new NetworkCheck.Draw(off, off, 1e-5).blames(MemoryFormat.CHANNELS_LAST), "both float32 layouts agree, float64 differs");
    assertTrue(!new NetworkCheck.Draw(off, off, 4e-2).blames(MemoryFormat.CONTIGUOUS), "both off float64: no layout is better");
    assertTrue(new NetworkCheck.Draw(off, right, 4e-2).blames(MemoryFormat.CHANNELS_LAST), "one layout off");
    assertTrue(!new NetworkCheck.Draw(off, right, 4e-2).blames(MemoryFormat.CONTIGUOUS), "the other right");
    assertTrue(!new NetworkCheck.Draw(null, null, 1e-4).blames(MemoryFormat.CHANNELS_LAST), "layouts that agree: float64 not asked");
    assertEquals(off, new NetworkCheck.Draw(off, right, 4e-2).of(MemoryFormat.CHANNELS_LAST));
    assertEquals(right, new NetworkCheck.Draw(off, right, 4e-2).of(MemoryFormat.CONTIGUOUS));
  }

  @Test
  void theReferenceIsRightAgainstItselfAndMeasuresSensitivity() {
    try (ContrastiveNet net = ContrastiveNet.create(CONFIGS[1], 3, Device.cpu())) {
      NetworkCheck.Inputs in = NetworkCheck.Inputs.draw(net, 4, 2);
      NetworkCheck.Reference ref = NetworkCheck.Reference.of(net, in, 2);
      assertEquals(net.parameters().size() + 2, ref.want().size(), "features, head outputs, every gradient");
      ref.sensitivity().forEach((name, v) -> assertTrue(v > 0 && v < 1e-2, name + " moved by " + v));
      try (ContrastiveNet wide = net.copyAs(DataType.FLOAT64, MemoryFormat.CONTIGUOUS)) {
        NetworkCheck.ArrayError self = ref.worst(NetworkCheck.pass(wide, in, DataType.FLOAT64));
        assertEquals(0, self.error(), 1e-12, "the float64 pass repeats");
      }
    }
  }

  @Test
  void theCheckLeavesTheNetworkAsItWas() {
    try (ContrastiveNet net = ContrastiveNet.create(CONFIGS[1], 3, Device.cpu())) {
      Map<String, float[]> before = weights(net);
      MemoryFormat layout = net.memoryFormat();
      NetworkCheck.draw(net, 4, 2);
      Map<String, float[]> after = weights(net);
      assertEquals(before.keySet(), after.keySet());
      before.forEach((name, v) -> assertArrayEquals(v, after.get(name), name));
      assertEquals(layout, net.memoryFormat());
      for (NDArray p : net.parameters().values()) {
        assertTrue(p.getGradient().abs().max().getFloat() == 0f, "no gradient left behind");
      }
    }
  }

  /** Every parameter and BatchNorm statistic of {@code net}. */
  private static Map<String, float[]> weights(ContrastiveNet net) {
    Map<String, float[]> m = new LinkedHashMap<>();
    net.parameters().forEach((name, a) -> m.put(name, a.toFloatArray()));
    for (int i = 0; i < net.runningStatistics().size(); i++) {
      m.put("statistic " + i, net.runningStatistics().get(i).toType(DataType.FLOAT32, false).toFloatArray());
    }
    return m;
  }
}
