package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aucl.api.Embedder;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.aucl.run.Checkpoints;
import org.aucl.run.Provenance;
import org.aucl.run.WeightsOrigin;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.TinyRun;
import org.aucl.util.Json;
import org.aucl.weights.SafetensorsFile;
import org.aucl.weights.SafetensorsReader;
import org.aucl.weights.SafetensorsWriter;
import org.aucl.weights.Tensor;
import org.aucl.weights.WeightExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aucl import} of a torchvision-shaped file (made here, as torchvision's {@code state_dict}
 * would be: no metadata, a classifier), then every command that reads a run on it; {@code aucl export}
 * of it gives the same weights back; {@code pretrain --init} starts from a file's encoder.
 */
class ImportExportCommandTest {
  private static final String RGB = "synthetic:n=96,test=96,size=32,channels=3,classes=4,seed=3";

  @TempDir Path tmp;

  /** A torchvision-shaped file of a random quarter-width ResNet-18 with the ImageNet stem, and its network. */
  private static SafetensorsFile torchvisionFile(ContrastiveNet net) {
    List<Tensor> tensors = new ArrayList<>(WeightExport.of(net, false, 0, Map.of()).tensors().values());
    tensors.add(Tensor.ofFloats("fc.weight", new long[] {10, 128}, new float[1280]));
    tensors.add(Tensor.ofFloats("fc.bias", new long[] {10}, new float[10]));
    return SafetensorsFile.of(Map.of(), tensors);
  }

  private static void assertOneSentence(CommandRun r, String expected) {
    assertEquals(2, r.exit(), r.toString());
    assertEquals(1, r.auclErrors().size(), r.toString());
    assertTrue(r.auclErrors().get(0).contains(expected), r.toString());
  }

  @Test
  void anImportedRunIsReadByEveryCommandAndExportsTheSameWeights() throws IOException {
    NetConfig cfg = new NetConfig("resnet18", "imagenet", 3, 0.25, 512, 128, 32);
    Path file = tmp.resolve("tv.safetensors");
    Path run = tmp.resolve("imported");
    float[] image = new float[3 * 32 * 32];
    new Random(1).ints(image.length, 0, 256).forEach(new java.util.function.IntConsumer() {
      int i;
      public void accept(int v) {
        image[i++] = v / 255f;
      }
    });
    float[] expected;
    SafetensorsFile original;
    try (ContrastiveNet net = ContrastiveNet.create(cfg, 5)) {
      original = torchvisionFile(net);
      SafetensorsWriter.write(file, original);
      expected = features(net, image, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
    }

    CommandRun imported = CommandRun.of("import", file.toString(), "--model", "resnet18", "--image-size", "32",
        "--dataset", RGB, "--out", run.toString());
    assertEquals(0, imported.exit(), imported.toString());
    assertTrue(imported.out().contains("left out the classifier: fc.weight, fc.bias"), imported.out());
    WeightsOrigin w = Json.read(run.resolve("config.json"), Provenance.ConfigFile.class).weights();
    assertEquals(WeightsOrigin.IMPORTED, w.kind());
    assertFalse(w.trainedByAucl());
    assertEquals(Checkpoints.sha256(file), w.sha256());
    assertEquals("torchvision", w.names());

    try (Embedder e = Embedder.open(run)) {
      assertArrayEquals(expected, e.embed(image, 32, 32), 1e-6f);
    }
    for (List<String> args : List.of(
        List.of("embed", run.toString(), "--out", tmp.resolve("e.csv").toString(), "--quiet"),
        List.of("eval", "knn", run.toString(), "--knn-k", "5"),
        List.of("eval", "fewshot", run.toString(), "--ways", "2", "--shots", "1", "--episodes", "5"),
        List.of("report", run.toString(), "--skip", "fewshot,linear"))) {
      CommandRun r = CommandRun.of(args);
      assertEquals(0, r.exit(), args + "\n" + r);
    }
    assertTrue(Files.readString(run.resolve("report.md")).contains("Not trained by aucl"));

    Path back = tmp.resolve("back.safetensors");
    CommandRun exported = CommandRun.of("export", run.toString(), "--out", back.toString());
    assertEquals(0, exported.exit(), exported.toString());
    SafetensorsFile b = SafetensorsReader.read(back);
    assertEquals("resnet18", b.metadata().get("arch"));
    assertEquals("imagenet", b.metadata().get("stem"));
    assertEquals("0.485,0.456,0.406", b.metadata().get("mean"));
    for (Tensor t : b.tensors().values()) {
      assertEquals(original.tensors().get(t.name()), t, t.name()); // the same bytes
    }
    assertEquals(original.tensors().size() - 2, b.tensors().size());

    assertOneSentence(CommandRun.of("pretrain", "--resume", run.toString()), "was made by 'aucl import'");
    assertOneSentence(CommandRun.of("import", file.toString(), "--model", "resnet18", "--channels", "1", "--out",
        tmp.resolve("x").toString()), "tensor 'conv1.weight' of tv.safetensors has shape [16, 3, 7, 7]");
    assertOneSentence(CommandRun.of("import", file.toString(), "--out", tmp.resolve("x").toString()), "give --model");
    assertOneSentence(CommandRun.of("export", run.toString(), "--out", tmp.resolve("x.bin").toString()), ".safetensors");
  }

  /** The run's features of one image: normalised as given, through the encoder, L2-normalised. */
  private static float[] features(ContrastiveNet net, float[] chw, float[] mean, float[] std) {
    float[] x = chw.clone();
    int plane = x.length / mean.length;
    for (int i = 0; i < x.length; i++) {
      x[i] = (x[i] - mean[i / plane]) / std[i / plane];
    }
    try (NDManager m = net.manager().newSubManager()) {
      NDArray images = m.create(x, new Shape(1, mean.length, 32, 32));
      return net.features(images, false).toFloatArray();
    }
  }

  @Test
  void pretrainInitStartsFromTheFilesEncoder() throws IOException {
    NetConfig tiny = new NetConfig("resnet18", "cifar", 1, 0.25, 64, 32, 32);
    Path file = tmp.resolve("init.safetensors");
    float[] conv1;
    try (ContrastiveNet net = ContrastiveNet.create(tiny, 11)) {
      SafetensorsWriter.write(file, WeightExport.of(net, true, 0, Map.of()));
      conv1 = net.arrays().get("encoder.01Conv2d_weight").toFloatArray();
    }
    Path run = tmp.resolve("run");
    CommandRun trained = CommandRun.of(TinyRun.pretrain(run, "--init", file.toString(), "--lr", "1e-12",
        "--final-evals", "none"));
    assertEquals(0, trained.exit(), trained.toString());
    assertTrue(trained.out().contains("encoder initialised from"), trained.out());
    WeightsOrigin w = Json.read(run.resolve("config.json"), Provenance.ConfigFile.class).weights();
    assertEquals(WeightsOrigin.INIT, w.kind());
    assertTrue(w.trainedByAucl());
    SafetensorsFile after = SafetensorsReader.read(exported(run));
    assertArrayEquals(conv1, after.tensors().get("conv1.weight").floats(), 1e-6f, "one step at lr 1e-12 from the file's weights");

    Path wrong = tmp.resolve("wrong.safetensors");
    try (ContrastiveNet net = ContrastiveNet.create(new NetConfig("resnet18", "imagenet", 3, 0.25, 64, 32, 32), 1)) {
      SafetensorsWriter.write(wrong, WeightExport.of(net, false, 0, Map.of()));
    }
    assertOneSentence(CommandRun.of(TinyRun.pretrain(tmp.resolve("r2"), "--init", wrong.toString())),
        "tensor 'conv1.weight' of wrong.safetensors has shape [16, 3, 7, 7]");
    assertFalse(Files.exists(tmp.resolve("r2")), "nothing is written before the file is checked");
  }

  private Path exported(Path run) {
    Path out = tmp.resolve("after.safetensors");
    CommandRun r = CommandRun.of("export", run.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.toString());
    return out;
  }
}
