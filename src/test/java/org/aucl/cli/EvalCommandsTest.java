package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
    assertEquals(0, Cli.execute(
        "pretrain", "--dataset", DATA, "--preset", "fashion-mnist", "--stem", "cifar", "--width", "0.25",
        "--proj-hidden", "64", "--proj-out", "32", "--batch-size", "64", "--epochs", "1", "--warmup-epochs", "0",
        "--knn-k", "10", "--workers", "1", "--seed", "7", "--quiet", "--out", run.toString()));
  }

  /** Runs the command line; returns what it printed, after checking the exit code. */
  static String run(int expectedExit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true));
    try {
      assertEquals(expectedExit, Cli.execute(args), "exit code of " + List.of(args));
    } finally {
      System.setOut(old);
    }
    return buf.toString();
  }

  @Test
  void evaluationsShareTheCacheAndAChangedCheckpointInvalidatesIt() throws Exception {
    Path copy = tmp.resolve("cache-run");
    copyTree(run, copy);
    // pretrain's final evaluations cached the monitor's features: start without them
    org.aucl.util.FileTrees.delete(copy.resolve("features"));
    String first = run(0, "eval", "linear", copy.toString());
    assertTrue(first.contains("2 split(s) extracted"), first);
    Matcher top1 = Pattern.compile("top-1 ([0-9.]+)%").matcher(first);
    assertTrue(top1.find(), first);
    // (no accuracy bound: after four steps BatchNorm's running statistics are far from settled; the probe's
    // accuracy is tested on synthetic features in LinearProbeTest)
    run(0, "eval", "knn", copy.toString());
    run(0, "eval", "fewshot", copy.toString(), "--ways", "3", "--shots", "1,5", "--episodes", "20");
    assertTrue(run(0, "eval", "linear", copy.toString()).contains("from the cache"));
    try (var files = Files.list(copy.resolve("features"))) {
      assertEquals(2, files.count(), "one file per split, shared by all evaluations");
    }

    // a changed weight: the checkpoint's content differs, so its features are extracted again
    Path model = copy.resolve("checkpoints/last/model.bin");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length - 1] ^= 1;
    Files.write(model, bytes);
    assertTrue(run(0, "eval", "linear", copy.toString()).contains("2 split(s) extracted"));
  }

  @Test
  void embedCsvAndNpyHoldTheExtractorsVectors() throws Exception {
    // the run's features were cached by pretrain's final evaluations from its kNN monitor, so this also checks
    // that the monitor's features are the saved checkpoint's
    Path copy = tmp.resolve("embed-run");
    copyTree(run, copy);
    Path csv = tmp.resolve("test.csv");
    Path npy = tmp.resolve("test.npy");
    run(0, "embed", copy.toString(), "--out", csv.toString());
    run(0, "embed", copy.toString(), "--out", npy.toString());

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
    assertTrue(lines.get(0).startsWith("index,label,v0,"));
    for (int i = 0; i < expected.n(); i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertEquals(i, Integer.parseInt(cells[0]));
      assertEquals(expected.labels()[i], Integer.parseInt(cells[1]));
      float[] row = new float[expected.dim()];
      for (int j = 0; j < row.length; j++) {
        row[j] = Float.parseFloat(cells[j + 2]);
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
  }

  @Test
  void transferConvertsChannelsAndSizeAndSplitsAFolder() throws Exception {
    Path copy = tmp.resolve("transfer-run");
    copyTree(run, copy);
    // RGB 24 x 24 images for a grey 16 x 16 network
    String rgb = "synthetic:n=200,test=100,size=24,channels=3,classes=3,seed=9";
    String out = run(0, "eval", "knn", copy.toString(), "--dataset", rgb);
    assertTrue(out.contains("top-1"), out);

    Path folder = imageFolder(tmp.resolve("folder"), 3, 12);
    String split = run(0, "eval", "fewshot", copy.toString(), "--dataset", folder.toString(), "--ways", "3",
        "--shots", "1", "--queries", "1", "--episodes", "10");
    assertTrue(split.contains("has no test split: 20% of each class"), split);
    assertTrue(split.contains("± "), split);
  }

  @Test
  void impossibleEvaluationsAreRefusedWithExitTwo() throws Exception {
    Path copy = tmp.resolve("refusal-run");
    copyTree(run, copy);
    Path oneClass = imageFolder(tmp.resolve("one-class"), 1, 10);
    run(Cli.USER_ERROR, "eval", "linear", copy.toString(), "--dataset", oneClass.toString());
    run(Cli.USER_ERROR, "eval", "fewshot", copy.toString(), "--shots", "100");
    run(Cli.USER_ERROR, "eval", "fewshot", copy.toString(), "--ways", "9");
    run(Cli.USER_ERROR, "eval", "linear", copy.toString(), "--checkpoint", "middle");
    run(Cli.USER_ERROR, "eval", "knn", tmp.resolve("no-run").toString());
    run(Cli.USER_ERROR, "embed", copy.toString(), "--out", tmp.resolve("x.csv").toString(), "--split", "val");
    run(Cli.USER_ERROR, "eval", "linear", copy.toString(), "--dataset", tmp.resolve("missing").toString());
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

  static void copyTree(Path from, Path to) throws Exception {
    try (var walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

}
