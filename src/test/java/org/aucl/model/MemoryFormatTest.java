package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;

/**
 * Which layout a network's activations use: channels-last for a ResNet on the CPU until the
 * whole-network check chooses otherwise ({@link NetworkCheckTest}), contiguous on a GPU and for a ViT,
 * the first layout tried set by a property; and the float64 copy the checks compare against.
 */
class MemoryFormatTest {
  private static final NetConfig[] CONFIGS = {
    new NetConfig("resnet18", "small", 1, 0.25, 64, 32, 28),
    new NetConfig("resnet18", "cifar", 3, 0.25, 32, 16, 12),
  };

  @Test
  void theFloat64CopyHoldsTheSameWeights() {
    try (ContrastiveNet net = ContrastiveNet.create(CONFIGS[1], 3, Device.cpu());
        ContrastiveNet copy = net.float64Copy()) {
      for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
        NDArray c = copy.parameters().get(e.getKey());
        assertEquals(DataType.FLOAT64, c.getDataType());
        assertEquals(0, KernelCheck.relativeError(c.toDoubleArray(), e.getValue().toType(DataType.FLOAT64, false).toDoubleArray()));
      }
    }
  }

  @Test
  void aResNetStartsChannelsLastOnTheCpuAndThePropertyChoosesTheFirstLayoutTried() {
    assertEquals(MemoryFormat.CHANNELS_LAST, MemoryFormat.forDevice(Device.cpu()));
    assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forDevice(Device.gpu()));
    String before = System.getProperty(MemoryFormat.PROPERTY);
    try {
      System.setProperty(MemoryFormat.PROPERTY, "contiguous");
      assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forDevice(Device.cpu()));
      System.setProperty(MemoryFormat.PROPERTY, "sideways");
      assertThrows(UserException.class, () -> MemoryFormat.forDevice(Device.cpu()));
    } finally {
      if (before == null) {
        System.clearProperty(MemoryFormat.PROPERTY);
      } else {
        System.setProperty(MemoryFormat.PROPERTY, before);
      }
    }
  }

  @Test
  void aNetworkTakesTheLayoutChosenForItsConfiguration() {
    NetConfig cfg = new NetConfig("resnet18", "cifar", 3, 0.25, 32, 16, 20); // a configuration no other test uses
    try (ContrastiveNet net = ContrastiveNet.create(cfg, 1, Device.cpu())) {
      assertEquals(MemoryFormat.CHANNELS_LAST, net.memoryFormat());
    }
    MemoryFormat.choose(cfg, MemoryFormat.CONTIGUOUS);
    try (ContrastiveNet net = ContrastiveNet.create(cfg, 1, Device.cpu());
        ContrastiveNet copy = net.float64Copy()) {
      assertEquals(MemoryFormat.CONTIGUOUS, net.memoryFormat());
      assertEquals(MemoryFormat.CONTIGUOUS, copy.memoryFormat());
    }
    assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forNet(cfg, Device.cpu()));
    assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forNet(cfg, Device.gpu()));
  }

  @Test
  void aVitStaysContiguous() {
    assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forModel("vit-tiny", Device.cpu()));
    assertEquals(MemoryFormat.CHANNELS_LAST, MemoryFormat.forModel("resnet18", Device.cpu()));
    try (ContrastiveNet vit = ContrastiveNet.create(new NetConfig("vit-tiny", "cifar", 3, 1, 32, 16, 16, 8), 1)) {
      assertEquals(MemoryFormat.CONTIGUOUS, vit.memoryFormat());
    }
  }
}
