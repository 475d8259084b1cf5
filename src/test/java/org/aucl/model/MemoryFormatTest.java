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
 * The float32 paths the CPU runs compute what the same network computes in float64 (PyTorch's float64
 * convolutions do not go through oneDNN, so the reference is another implementation): the training
 * forward pass (features and projections) and the gradient of every parameter, for a loss that is a
 * fixed random linear function of both outputs. The paths: a ResNet channels-last (the only layout
 * the CPU allows it) at the default job's network and at the narrowest allowed one, and a ViT
 * (contiguous). Tolerance: the largest difference over the largest reference value, per array, at most
 * {@link #TOLERANCE}; measured 2.5e-7 to 1.3e-5 on these paths, while the faulty kernels of
 * docs/MODELS.md are off by 1e-1 or more.
 */
class MemoryFormatTest {
  static final double TOLERANCE = 1e-4;

  /**
   * The default job's network, the narrowest the CPU allows with the other stem and three channels,
   * torchvision's width (whose 256 -> 512 shortcut oneDNN computes wrongly channels-last on 1 x 1 to
   * 14 x 14 inputs on some processors: {@link KernelGuard} reroutes it there), and a small ViT.
   */
  private static final NetConfig[] CONFIGS = {
    new NetConfig("resnet18", "small", 1, 0.25, 64, 32, 28),
    new NetConfig("resnet18", "cifar", 3, 0.25, 32, 16, 12),
    new NetConfig("resnet18", "small", 3, 1, 64, 32, 16),
    new NetConfig("vit-tiny", "cifar", 3, 1, 32, 16, 16, 8),
  };

  @Test
  void theCpusPathsComputeWhatFloat64Computes() {
    for (NetConfig cfg : CONFIGS) {
      Random r = new Random(11);
      int batch = 16;
      float[] images = gaussian(r, batch * cfg.inChannels() * cfg.imageSize() * cfg.imageSize());
      try (ContrastiveNet net = ContrastiveNet.create(cfg, 5, Device.cpu());
          ContrastiveNet reference = net.float64Copy()) {
        float[] rf = gaussian(r, batch * net.featureDim());
        float[] rp = gaussian(r, batch * cfg.projOut());
        Map<String, double[]> want = pass(reference, images, rf, rp, DataType.FLOAT64);
        Map<String, double[]> got = pass(net, images, rf, rp, DataType.FLOAT32);
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
          double error = relativeError(got.get(name), want.get(name));
          assertTrue(error <= TOLERANCE, cfg.arch() + ", " + cfg.stem() + " stem, " + cfg.inChannels() + " channels, "
              + net.memoryFormat().label() + ": " + name + " is " + error + " from float64");
        }
      }
    }
  }

  @Test
  void theFloat64CopyHoldsTheSameWeights() {
    try (ContrastiveNet net = ContrastiveNet.create(CONFIGS[1], 3, Device.cpu());
        ContrastiveNet copy = net.float64Copy()) {
      for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
        NDArray c = copy.parameters().get(e.getKey());
        assertEquals(DataType.FLOAT64, c.getDataType());
        assertEquals(0, relativeError(c.toDoubleArray(), e.getValue().toType(DataType.FLOAT64, false).toDoubleArray()));
      }
    }
  }

  @Test
  void aResNetRunsChannelsLastOnTheCpuAndNothingElse() {
    assertEquals(MemoryFormat.CHANNELS_LAST, MemoryFormat.forDevice(Device.cpu()));
    assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forDevice(Device.gpu()));
    try (ContrastiveNet net = ContrastiveNet.create(CONFIGS[1], 1, Device.cpu())) {
      assertEquals(MemoryFormat.CHANNELS_LAST, net.memoryFormat());
      assertThrows(UserException.class, () -> net.useMemoryFormat(MemoryFormat.CONTIGUOUS));
    }
    String before = System.getProperty(MemoryFormat.PROPERTY);
    System.setProperty(MemoryFormat.PROPERTY, "contiguous");
    try {
      assertThrows(UserException.class, () -> MemoryFormat.forDevice(Device.cpu()));
      assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forDevice(Device.gpu()));
    } finally {
      if (before == null) {
        System.clearProperty(MemoryFormat.PROPERTY);
      } else {
        System.setProperty(MemoryFormat.PROPERTY, before);
      }
    }
  }

  @Test
  void aVitStaysContiguous() {
    assertEquals(MemoryFormat.CONTIGUOUS, MemoryFormat.forModel("vit-tiny", Device.cpu()));
    assertEquals(MemoryFormat.CHANNELS_LAST, MemoryFormat.forModel("resnet18", Device.cpu()));
    try (ContrastiveNet vit = ContrastiveNet.create(new NetConfig("vit-tiny", "cifar", 3, 1, 32, 16, 16, 8), 1)) {
      assertEquals(MemoryFormat.CONTIGUOUS, vit.memoryFormat());
    }
  }

  /** Features, projections and every parameter's gradient of one training pass, as doubles. */
  private static Map<String, double[]> pass(ContrastiveNet net, float[] images, float[] rf, float[] rp, DataType type) {
    NetConfig cfg = net.config();
    int batch = rf.length / net.featureDim();
    Map<String, double[]> out = new LinkedHashMap<>();
    try (NDManager m = net.manager().newSubManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray x = m.create(images, new Shape(batch, cfg.inChannels(), cfg.imageSize(), cfg.imageSize())).toType(type, false);
      NDList y = net.forward(x, true);
      NDArray loss = y.get(0).mul(m.create(rf, y.get(0).getShape()).toType(type, false)).sum()
          .add(y.get(1).mul(m.create(rp, y.get(1).getShape()).toType(type, false)).sum());
      gc.backward(loss);
      out.put("features", doubles(y.get(0)));
      out.put("projections", doubles(y.get(1)));
      for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
        out.put(e.getKey() + " gradient", doubles(e.getValue().getGradient()));
        // PyTorch adds the next pass's gradient to this one
        ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) e.getValue());
      }
    }
    return out;
  }

  private static double[] doubles(NDArray a) {
    return a.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  private static double relativeError(double[] got, double[] want) {
    return KernelCheck.relativeError(got, want);
  }

  private static float[] gaussian(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }
}
