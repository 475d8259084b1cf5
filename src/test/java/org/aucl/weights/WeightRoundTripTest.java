package org.aucl.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Export, then import into a network initialised otherwise: the same features to the last bit, for
 * every architecture and stem, through the bytes of a file; and a file that does not fit is refused
 * before any weight changes.
 */
class WeightRoundTripTest {

  static Stream<Arguments> networks() {
    List<Arguments> all = new ArrayList<>();
    for (String arch : List.of("resnet18", "resnet34", "resnet50")) {
      for (String stem : NetConfig.STEMS) {
        all.add(Arguments.of(new NetConfig(arch, stem, 3, 0.25, 32, 16, 32)));
      }
    }
    all.add(Arguments.of(new NetConfig("resnet18", "small", 1, 0.25, 32, 16, 28)));
    all.add(Arguments.of(new NetConfig("vit-tiny", "cifar", 3, 1, 32, 16, 16, 8)));
    all.add(Arguments.of(new NetConfig("vit-small", "cifar", 1, 1, 32, 16, 16, 8)));
    return all.stream();
  }

  private static SafetensorsFile throughBytes(SafetensorsFile f) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SafetensorsWriter.write(out, f);
    byte[] b = out.toByteArray();
    return SafetensorsReader.read(new ByteArrayInputStream(b), b.length, "w.safetensors");
  }

  /** Trains nothing, but moves the BatchNorm statistics off their initial 0 and 1 so that they count. */
  private static void perturbStatistics(ContrastiveNet net) {
    Random r = new Random(7);
    for (NDArray a : net.runningStatistics()) {
      float[] v = a.toFloatArray();
      for (int i = 0; i < v.length; i++) {
        v[i] += 0.5f * r.nextFloat();
      }
      a.set(java.nio.FloatBuffer.wrap(v));
    }
  }

  private static float[][] outputs(ContrastiveNet net, NetConfig cfg) {
    try (NDManager m = net.manager().newSubManager()) {
      Random r = new Random(3);
      float[] px = new float[2 * cfg.inChannels() * cfg.imageSize() * cfg.imageSize()];
      for (int i = 0; i < px.length; i++) {
        px[i] = (float) r.nextGaussian();
      }
      NDArray images = m.create(px, new Shape(2, cfg.inChannels(), cfg.imageSize(), cfg.imageSize()));
      NDArray h = net.encode(images, false);
      return new float[][] {h.toFloatArray(), net.head(h, false).toFloatArray()};
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void exportThenImportGivesTheSameFeaturesToTheLastBit(NetConfig cfg) throws IOException {
    try (ContrastiveNet a = ContrastiveNet.create(cfg, 1); ContrastiveNet b = ContrastiveNet.create(cfg, 2)) {
      perturbStatistics(a);
      SafetensorsFile f = throughBytes(WeightExport.of(a, true, 5, Map.of()));
      float[][] before = outputs(b, cfg);
      WeightImport.Loaded loaded = WeightImport.load(f, b, "w.safetensors", false);
      assertTrue(loaded.projector());
      assertEquals(a.arrays().size(), loaded.tensors());
      float[][] want = outputs(a, cfg);
      float[][] got = outputs(b, cfg);
      assertFalse(java.util.Arrays.equals(want[0], before[0]), "the two initialisations differ");
      assertArrayEquals(want[0], got[0], 0f);
      assertArrayEquals(want[1], got[1], 0f);
    }
  }

  @Test
  void namesAreTorchvisionsAndTimms() {
    try (ContrastiveNet r50 = ContrastiveNet.create(new NetConfig("resnet50", "imagenet", 3, 0.25, 32, 16, 32), 1);
        ContrastiveNet vit = ContrastiveNet.create(new NetConfig("vit-tiny", "cifar", 3, 1, 32, 16, 16, 8), 1)) {
      Map<String, Tensor> r = WeightExport.of(r50, true, 9, Map.of()).tensors();
      for (String n : List.of("conv1.weight", "bn1.running_var", "layer1.0.downsample.0.weight",
          "layer1.0.downsample.1.num_batches_tracked", "layer3.5.conv3.weight", "layer4.2.bn3.bias",
          "projector.0.weight", "projector.1.running_mean", "projector.3.bias")) {
        assertTrue(r.containsKey(n), n + " in " + r.keySet());
      }
      assertEquals(DType.I64, r.get("bn1.num_batches_tracked").dtype());
      assertEquals(0, r.get("bn1.num_batches_tracked").shape().length);
      assertArrayEquals(new long[] {16, 3, 7, 7}, r.get("conv1.weight").shape());
      // torchvision's resnet50 state_dict without fc: 320 tensors (53 conv, 53 BatchNorm of 5)
      assertEquals(53 + 53 * 5, r.keySet().stream().filter(k -> !k.startsWith("projector.")).count());
      Map<String, Tensor> v = WeightExport.of(vit, false, 0, Map.of()).tensors();
      for (String n : List.of("cls_token", "pos_embed", "patch_embed.proj.weight", "patch_embed.proj.bias",
          "blocks.0.norm1.weight", "blocks.0.attn.qkv.weight", "blocks.0.attn.proj.bias", "blocks.11.norm2.bias",
          "blocks.11.mlp.fc1.weight", "blocks.11.mlp.fc2.bias", "norm.weight", "norm.bias")) {
        assertTrue(v.containsKey(n), n + " in " + v.keySet());
      }
      assertEquals(4 + 12 * 12 + 2, v.size());
      assertArrayEquals(new long[] {1, 5, 192}, v.get("pos_embed").shape());
    }
  }

  @Test
  void refusesAMissingAnExtraOrAMisshapedTensorBeforeChangingAnything() {
    NetConfig cfg = new NetConfig("resnet18", "cifar", 3, 0.25, 32, 16, 32);
    try (ContrastiveNet a = ContrastiveNet.create(cfg, 1); ContrastiveNet b = ContrastiveNet.create(cfg, 2)) {
      List<Tensor> good = new ArrayList<>(WeightExport.of(a, false, 0, Map.of()).tensors().values());
      float[] before = b.arrays().get("encoder.01Conv2d_weight").toFloatArray();

      List<Tensor> missing = new ArrayList<>(good);
      missing.removeIf(t -> t.name().equals("layer2.1.bn2.running_var"));
      assertEquals("w.safetensors lacks tensor 'layer2.1.bn2.running_var' of a resnet18 with the cifar stem at width 0.25, "
          + "for 3-channel images of 32 px (torchvision names).", refusal(missing, b));

      List<Tensor> extra = new ArrayList<>(good);
      extra.add(Tensor.ofFloats("layer5.0.conv1.weight", new long[] {1}, new float[] {0}));
      assertTrue(refusal(extra, b).startsWith("w.safetensors holds tensor 'layer5.0.conv1.weight', which a resnet18"));

      List<Tensor> shaped = new ArrayList<>(good);
      shaped.replaceAll(t -> t.name().equals("layer1.0.conv2.weight")
          ? Tensor.ofFloats(t.name(), new long[] {16, 16, 1, 1}, new float[256]) : t);
      assertEquals("tensor 'layer1.0.conv2.weight' of w.safetensors has shape [16, 16, 1, 1], but a resnet18 with the cifar "
          + "stem at width 0.25, for 3-channel images of 32 px needs [16, 16, 3, 3].", refusal(shaped, b));

      assertArrayEquals(before, b.arrays().get("encoder.01Conv2d_weight").toFloatArray(), 0f, "nothing was loaded");

      List<Tensor> classifier = new ArrayList<>(good);
      classifier.add(Tensor.ofFloats("fc.weight", new long[] {10, 128}, new float[1280]));
      classifier.add(Tensor.ofFloats("fc.bias", new long[] {10}, new float[10]));
      WeightImport.Loaded loaded = WeightImport.load(SafetensorsFile.of(Map.of(), classifier), b, "w.safetensors", false);
      assertEquals(List.of("fc.weight", "fc.bias"), loaded.ignored());
      assertFalse(loaded.projector());
    }
  }

  private static String refusal(List<Tensor> tensors, ContrastiveNet net) {
    return assertThrows(IllegalArgumentException.class,
        () -> WeightImport.load(SafetensorsFile.of(Map.of(), tensors), net, "w.safetensors", false)).getMessage();
  }
}
