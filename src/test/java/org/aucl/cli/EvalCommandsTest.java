package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.aucl.eval.FeatureExtractor;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.Devices;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.RunFeatures;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.TinyRun;
import org.aucl.testkit.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation commands on a one-epoch run over tiny synthetic data. */
class EvalCommandsTest {
  static final String DATA = "synthetic:n=256,test=160,size=16,channels=1,classes=4,seed=3";

  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void pretrain() {
    run = tmp.resolve("run");
    CommandRun r = CommandRun.of(TinyRun.pretrain(run, "--dataset", DATA, "--lr", TinyRun.OMIT, "--knn-k", "10",
        "--workers", "1"));
    assertEquals(0, r.exit(), r.toString());
  }

  @Test
  void evaluationsShareTheCacheAndAChangedCheckpointInvalidatesIt() throws Exception {
    Path copy = tmp.resolve("cache-run");
    Trees.copy(run, copy);
    // pretrain's final evaluations cached the monitor's features: start without them
    org.aucl.util.FileTrees.delete(copy.resolve("features"));
    CommandRun linear = CommandRun.of("eval", "linear", copy.toString());
    assertEquals(0, linear.exit(), linear.toString());
    String first = linear.out();
    assertTrue(first.contains("2 split(s) extracted"), first);
    Matcher top1 = Pattern.compile("top-1 ([0-9.]+)%").matcher(first);
    assertTrue(top1.find(), first);
    // (no accuracy bound: after four steps BatchNorm's running statistics are far from settled; the probe's
    // accuracy is tested on synthetic features in LinearProbeTest)
    CommandRun knn = CommandRun.of("eval", "knn", copy.toString());
    assertEquals(0, knn.exit(), knn.toString());
    CommandRun fewshot = CommandRun.of("eval", "fewshot", copy.toString(), "--ways", "3", "--shots", "1,5", "--episodes", "20");
    assertEquals(0, fewshot.exit(), fewshot.toString());
    CommandRun cached = CommandRun.of("eval", "linear", copy.toString());
    assertEquals(0, cached.exit(), cached.toString());
    assertTrue(cached.out().contains("from the cache"));
    try (var files = Files.list(copy.resolve("features"))) {
      assertEquals(2, files.count(), "one file per split, shared by all evaluations");
    }

    // a changed weight: the checkpoint's content differs, so its features are extracted again
    Path model = copy.resolve("checkpoints/last/model.bin");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length - 1] ^= 1;
    Files.write(model, bytes);
    CommandRun changed = CommandRun.of("eval", "linear", copy.toString());
    assertEquals(0, changed.exit(), changed.toString());
    assertTrue(changed.out().contains("2 split(s) extracted"));
  }

  @Test
  void embedCsvAndNpyHoldTheExtractorsVectors() throws Exception {
    // the run's features were cached by pretrain's final evaluations from its kNN monitor, so this also checks
    // that the monitor's features are the saved checkpoint's
    Path copy = tmp.resolve("embed-run");
    Trees.copy(run, copy);
    Path csv = tmp.resolve("test.csv");
    Path npy = tmp.resolve("test.npy");
    CommandRun toCsv = CommandRun.of("embed", copy.toString(), "--out", csv.toString(), "--split", "test");
    assertEquals(0, toCsv.exit(), toCsv.toString());
    CommandRun toNpy = CommandRun.of("embed", copy.toString(), "--out", npy.toString(), "--split", "test");
    assertEquals(0, toNpy.exit(), toNpy.toString());

    Features expected;
    RunCheckpoint ckpt = RunCheckpoint.open(run, "last");
    var splits = RunFeatures.splitsFor(ckpt, null, null);
    try (ContrastiveNet net = ckpt.loadNet(Devices.resolve("cpu"))) {
      var ds = splits.test();
      expected = FeatureExtractor.extract(
          net, ds, ckpt.evalTransform(new org.aucl.augment.ImageShape(1, 16, 16)), FeatureHead.ENCODER);
    }

    List<String> lines = Files.readAllLines(csv);
    assertEquals(expected.n() + 1, lines.size());
    assertTrue(lines.get(0).startsWith("id,split,label,class,v0,"), lines.get(0));
    for (int i = 0; i < expected.n(); i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertEquals(i, Integer.parseInt(cells[0]), "the id of a packed dataset's image is its index in its split");
      assertEquals("test", cells[1]);
      assertEquals(expected.labels()[i], Integer.parseInt(cells[2]));
      assertEquals(splits.test().classNames().get(expected.labels()[i]), cells[3]);
      float[] row = new float[expected.dim()];
      for (int j = 0; j < row.length; j++) {
        row[j] = Float.parseFloat(cells[j + 4]);
      }
      assertArrayEquals(java.util.Arrays.copyOfRange(expected.data(), i * expected.dim(), (i + 1) * expected.dim()), row);
    }

    byte[] b = Files.readAllBytes(npy);
    assertEquals((byte) 0x93, b[0]);
    int headerLen = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
    assertEquals(0, (10 + headerLen) % 64, "the data starts on a 64-byte boundary");
    String header = new String(b, 10, headerLen, java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': (160, " + expected.dim() + ")"), header);
    float[] data = new float[expected.data().length];
    ByteBuffer.wrap(b, 10 + headerLen, data.length * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
    assertArrayEquals(expected.data(), data);
    assertTrue(Files.isRegularFile(tmp.resolve("test.labels.npy")));
    assertEquals(lines.stream().map(l -> String.join(",", java.util.Arrays.copyOf(l.split(","), 4))).toList(),
        Files.readAllLines(tmp.resolve("test.ids.csv")), "the ids beside the array are the CSV's first columns");
  }

  @Test
  void transferConvertsChannelsAndSizeAndSplitsAFolder() throws Exception {
    Path copy = tmp.resolve("transfer-run");
    Trees.copy(run, copy);
    // RGB 24 x 24 images for a grey 16 x 16 network
    String rgb = "synthetic:n=200,test=100,size=24,channels=3,classes=3,seed=9";
    CommandRun knn = CommandRun.of("eval", "knn", copy.toString(), "--dataset", rgb);
    assertEquals(0, knn.exit(), knn.toString());
    String out = knn.out();
    assertTrue(out.contains("top-1"), out);

    Path folder = imageFolder(tmp.resolve("folder"), 3, 12);
    CommandRun fewshot = CommandRun.of("eval", "fewshot", copy.toString(), "--dataset", folder.toString(), "--ways", "3",
        "--shots", "1", "--queries", "1", "--episodes", "10");
    assertEquals(0, fewshot.exit(), fewshot.toString());
    String split = fewshot.out();
    assertTrue(split.contains("has no test split: 20% of each class"), split);
    assertTrue(split.contains("± "), split);
  }

  @Test
  void impossibleEvaluationsAreRefusedWithExitTwo() throws Exception {
    Path copy = tmp.resolve("refusal-run");
    Trees.copy(run, copy);
    Path oneClass = imageFolder(tmp.resolve("one-class"), 1, 10);
    for (List<String> args : List.of(
        List.of("eval", "linear", copy.toString(), "--dataset", oneClass.toString()),
        List.of("eval", "fewshot", copy.toString(), "--shots", "100"),
        List.of("eval", "fewshot", copy.toString(), "--ways", "9"),
        List.of("eval", "linear", copy.toString(), "--checkpoint", "middle"),
        List.of("eval", "knn", tmp.resolve("no-run").toString()),
        List.of("embed", copy.toString(), "--out", tmp.resolve("x.csv").toString(), "--split", "val"),
        List.of("eval", "linear", copy.toString(), "--dataset", tmp.resolve("missing").toString()))) {
      CommandRun r = CommandRun.of(args);
      assertEquals(Cli.USER_ERROR, r.exit(), "exit code of " + args + "\n" + r);
    }
  }

  /** {@code classes} class folders of {@code perClass} random-colour 20 x 20 PNGs. */
  static Path imageFolder(Path root, int classes, int perClass) throws Exception {
    java.util.Random rnd = new java.util.Random(classes);
    for (int c = 0; c < classes; c++) {
      Path dir = Files.createDirectories(root.resolve("class" + c));
      for (int i = 0; i < perClass; i++) {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
          for (int x = 0; x < 20; x++) {
            int v = (c * 80 + rnd.nextInt(40)) & 0xFF;
            img.setRGB(x, y, (v << 16) | (rnd.nextInt(256) << 8) | v);
          }
        }
        ImageIO.write(img, "png", dir.resolve(i + ".png").toFile());
      }
    }
    return root;
  }
}
