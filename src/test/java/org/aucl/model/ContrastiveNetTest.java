package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContrastiveNetTest {

  @Test
  void resnet18CifarStemHasTorchvisionParameterCount() {
    try (ContrastiveNet net = ContrastiveNet.create(NetConfig.of("resnet18", 3, 32), 1)) {
      assertEquals(11_168_832L, net.parameterCount(false));
      // projector: 512*512 (no bias) + 2*512 (BN) + 512*128 + 128
      assertEquals(11_168_832L + 262_144 + 1_024 + 65_536 + 128, net.parameterCount(true));
      assertEquals(512, net.featureDim());
    }
  }

  @Test
  void resnet50AndImagenetStemCountsMatchTorchvision() {
    // torchvision resnet50 has 25,557,032 parameters with its 2048x1000 classifier.
    long resnet50 = 25_557_032L - 2048L * 1000 - 1000;
    assertEquals(resnet50, countEncoder(new NetConfig("resnet50", "imagenet", 3, 1.0, 512, 128, 32)));
    // torchvision resnet34: 21,797,672 with classifier.
    assertEquals(21_797_672L - 512_000 - 1000, countEncoder(new NetConfig("resnet34", "imagenet", 3, 1.0, 512, 128, 32)));
  }

  private static long countEncoder(NetConfig cfg) {
    try (ContrastiveNet net = ContrastiveNet.create(cfg, 1)) {
      return net.parameterCount(false);
    }
  }

  @Test
  void resnet18FlopsMatchHandCount() {
    // CIFAR stem at 32x32: the well-known 0.556 GMACs of ResNet-18 (CIFAR variant).
    long macs = ContrastiveNet.macsPerImage(NetConfig.of("resnet18", 3, 32), false);
    long expected = 64L * 32 * 32 * 3 * 9 // stem
        + 4L * 64 * 32 * 32 * 64 * 9 // layer1: 4 convs
        + 128L * 16 * 16 * 64 * 9 + 3L * 128 * 16 * 16 * 128 * 9 + 128L * 16 * 16 * 64 // layer2 + downsample
        + 256L * 8 * 8 * 128 * 9 + 3L * 256 * 8 * 8 * 256 * 9 + 256L * 8 * 8 * 128
        + 512L * 4 * 4 * 256 * 9 + 3L * 512 * 4 * 4 * 512 * 9 + 512L * 4 * 4 * 256;
    assertEquals(expected, macs);
    // small stem: the same stem conv at full resolution, then every stage at half the side (a quarter of the MACs)
    long stem = 64L * 32 * 32 * 3 * 9;
    assertEquals(stem + (expected - stem) / 4,
        ContrastiveNet.macsPerImage(new NetConfig("resnet18", "small", 3, 1.0, 512, 128, 32), false));
    // torchvision resnet18 at 224x224 (ImageNet stem): 1.814 GMACs including the 0.5 M of its fc layer
    long imagenet = ContrastiveNet.macsPerImage(new NetConfig("resnet18", "imagenet", 3, 1.0, 512, 128, 224), false);
    assertEquals(1.814e9 - 512_000, imagenet, 0.002e9);
  }

  @Test
  void shapesForEveryEncoderStemAndChannelCount() {
    String[] archs = {"resnet18", "resnet34", "resnet50"};
    for (String arch : archs) {
      for (String stem : new String[] {"cifar", "small", "imagenet"}) {
        for (int channels : new int[] {1, 3}) {
          NetConfig cfg = new NetConfig(arch, stem, channels, 0.25, 32, 16, 28);
          int featureDim = arch.equals("resnet50") ? 4 * 128 : 128;
          checkShapes(cfg, featureDim);
        }
      }
    }
    checkShapes(new NetConfig("resnet18", "cifar", 3, 0.5, 64, 32, 32), 256);
  }

  private static void checkShapes(NetConfig cfg, int featureDim) {
    try (ContrastiveNet net = ContrastiveNet.create(cfg, 3);
        NDManager m = net.manager().newSubManager()) {
      assertEquals(featureDim, net.featureDim(), cfg.toString());
      NDArray x = m.randomNormal(new Shape(4, cfg.inChannels(), cfg.imageSize(), cfg.imageSize()));
      NDList out = net.forward(x, true);
      assertEquals(new Shape(4, featureDim), out.get(0).getShape(), cfg.toString());
      assertEquals(new Shape(4, cfg.projOut()), out.get(1).getShape(), cfg.toString());
      float[] norms = out.get(1).norm(new int[] {1}).toFloatArray();
      for (float n : norms) {
        assertEquals(1.0, n, 1e-5);
      }
      assertEquals(new Shape(4, featureDim), net.features(x, false).getShape());
    }
  }

  @Test
  void widthQuarterGivesSixteenToOneTwentyEight() {
    assertArrayEquals(new int[] {16, 32, 64, 128}, ResNets.planes(0.25));
  }

  @Test
  void initialisationIsDeterministicAndTorchLike() {
    NetConfig cfg = new NetConfig("resnet18", "cifar", 3, 0.25, 64, 32, 32);
    try (ContrastiveNet a = ContrastiveNet.create(cfg, 7);
        ContrastiveNet b = ContrastiveNet.create(cfg, 7);
        ContrastiveNet c = ContrastiveNet.create(cfg, 8)) {
      Map<String, NDArray> pa = a.parameters();
      Map<String, NDArray> pb = b.parameters();
      assertEquals(pa.keySet(), pb.keySet());
      for (String k : pa.keySet()) {
        assertArrayEquals(pa.get(k).toFloatArray(), pb.get(k).toFloatArray(), k);
      }
      String first = pa.keySet().iterator().next();
      assertTrue(first.startsWith("encoder."), first);
      float[] w = pa.get(first).toFloatArray(); // stem conv 16 x 3 x 3 x 3: std sqrt(2 / (16*9))
      double ss = 0;
      for (float v : w) {
        ss += v * v;
      }
      double std = Math.sqrt(ss / w.length);
      assertEquals(Math.sqrt(2.0 / (16 * 9)), std, 0.25 * Math.sqrt(2.0 / (16 * 9)));
      assertTrue(!java.util.Arrays.equals(w, c.parameters().get(first).toFloatArray()));
      long gammas = pa.keySet().stream().filter(k -> k.endsWith("_gamma")).count();
      assertEquals(20 + 1, gammas); // 17 convs + 3 downsample in the encoder, 1 in the projector
      for (String k : pa.keySet()) {
        if (k.endsWith("_gamma")) {
          for (float v : pa.get(k).toFloatArray()) {
            assertEquals(1f, v);
          }
        }
      }
    }
  }

  @Test
  void saveLoadRestoresParametersAndRunningStats() throws Exception {
    NetConfig cfg = new NetConfig("resnet18", "cifar", 1, 0.25, 32, 16, 16);
    try (ContrastiveNet a = ContrastiveNet.create(cfg, 1);
        ContrastiveNet b = ContrastiveNet.create(cfg, 2);
        NDManager m = a.manager().newSubManager()) {
      NDArray x = m.randomNormal(new Shape(4, 1, 16, 16));
      a.forward(x, true); // moves running statistics
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      a.save(new DataOutputStream(bytes));
      b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      NDArray xb = x.toDevice(b.device(), true);
      assertArrayEquals(a.features(x, false).toFloatArray(), b.features(xb, false).toFloatArray(), 1e-6f);
      assertArrayEquals(a.forward(x, false).get(1).toFloatArray(), b.forward(xb, false).get(1).toFloatArray(), 1e-6f);
    }
  }

  @Test
  void rejectsUnknownArchitecture() {
    assertThrows(IllegalArgumentException.class, () -> NetConfig.of("resnet20", 3, 32));
    assertThrows(IllegalArgumentException.class, () -> new NetConfig("resnet18", "tiny", 3, 1, 512, 128, 32));
  }

  @Test
  void cpuDeviceResolves() {
    assertEquals(ai.djl.Device.cpu(), Devices.resolve("cpu"));
    assertThrows(org.aucl.util.UserException.class, () -> Devices.resolve("tpu"));
  }
}
