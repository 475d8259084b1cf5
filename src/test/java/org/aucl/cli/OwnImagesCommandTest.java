package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.aucl.augment.ImageShape;
import org.aucl.data.DatasetOptions;
import org.aucl.data.FolderLabels;
import org.aucl.data.ImageFolderDataset;
import org.aucl.eval.EvalSplits;
import org.aucl.eval.FeatureExtractor;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.Devices;
import org.aucl.run.RunCheckpoint;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.TinyRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own folders through pretrain and embed: unlabeled, nested, with files that do not read. */
class OwnImagesCommandTest {
  @TempDir static Path tmp;
  static Path photos;
  static Path run;

  /** A 24 x 18 JPEG or PNG of a few coloured blobs. */
  static byte[] picture(Random r, String format) throws Exception {
    BufferedImage img = new BufferedImage(24, 18, BufferedImage.TYPE_INT_RGB);
    int base = r.nextInt(0xFFFFFF);
    for (int y = 0; y < 18; y++) {
      for (int x = 0; x < 24; x++) {
        img.setRGB(x, y, (base + x * 0x0A0000 + y * 0x000B00 + r.nextInt(16)) & 0xFFFFFF);
      }
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ImageIO.write(img, format, b);
    return b.toByteArray();
  }

  /** 64 pictures in date folders, an empty file, and a PNG cut short (its header reads, its pixels do not). */
  static Path photoFolder(Path root) throws Exception {
    Random r = new Random(5);
    for (int i = 0; i < 64; i++) {
      Path f = root.resolve("2024-05-0" + (1 + i % 3)).resolve(String.format("img%03d.%s", i, i % 5 == 0 ? "png" : "jpg"));
      Files.createDirectories(f.getParent());
      Files.write(f, picture(r, i % 5 == 0 ? "png" : "jpg"));
    }
    Files.write(root.resolve("2024-05-01/empty.jpg"), new byte[0]);
    byte[] png = picture(r, "png");
    Files.write(root.resolve("2024-05-02/cut.png"), Arrays.copyOf(png, png.length / 2));
    return root;
  }

  static List<String> pretrain(Path out, String... more) {
    List<String> args = TinyRun.pretrain(out, "--dataset", photos.toString(), "--knn-k", TinyRun.OMIT,
        "--image-size", "16", "--preset", "cifar", "--labels", "none");
    int at = args.indexOf("--quiet");
    args.addAll(at, List.of(more));
    return args;
  }

  @BeforeAll
  static void trainOnTheFolder() throws Exception {
    photos = photoFolder(tmp.resolve("photos"));
    run = tmp.resolve("run");
    CommandRun r = CommandRun.of(pretrain(run, "--on-bad-image", "skip"));
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("kNN monitor off: the images have no labels"), r.out());
    assertTrue(r.out().contains("left out 2 unreadable files"), r.out());
  }

  @Test
  void theRunRecordsItsImagesAndTheFilesLeftOut() throws Exception {
    JsonNode config = new ObjectMapper().readTree(run.resolve("config.json").toFile());
    assertEquals(64, config.at("/images/images").asInt());
    List<String> skipped = new ArrayList<>();
    config.at("/images/skipped").forEach(s -> skipped.add(s.get("id").asText() + ": " + s.get("problem").asText()));
    assertEquals(2, skipped.size(), skipped.toString());
    assertTrue(skipped.get(0).startsWith("2024-05-01/empty.jpg: the file is empty"), skipped.toString());
    assertTrue(skipped.get(1).startsWith("2024-05-02/cut.png: "), skipped.toString());
    assertEquals(0, config.at("/config/monitor/knnEvery").asInt(), "the monitor stepped aside");
    assertEquals("none", config.at("/config/data/labels").asText());
    assertEquals("skip", config.at("/config/data/onBadImage").asText());
  }

  @Test
  void everyCheckHappensBeforeAnythingIsWritten() {
    Path out = tmp.resolve("refused");
    CommandRun stop = CommandRun.of(pretrain(out));
    assertEquals(Cli.USER_ERROR, stop.exit(), stop.toString());
    assertTrue(stop.err().contains("empty.jpg") && stop.err().contains("--on-bad-image skip"), stop.err());
    assertFalse(Files.exists(out));

    CommandRun monitor = CommandRun.of(pretrain(out, "--on-bad-image", "skip", "--knn-every", "1"));
    assertEquals(Cli.USER_ERROR, monitor.exit(), monitor.toString());
    assertTrue(monitor.err().contains("has no labels, and the kNN monitor needs labelled images"), monitor.err());
    assertFalse(Files.exists(out));

    List<String> dry = pretrain(out, "--on-bad-image", "skip", "--knn-every", "0");
    dry.add("--dry-run");
    CommandRun fine = CommandRun.of(dry);
    assertEquals(0, fine.exit(), fine.toString());
    assertFalse(Files.exists(out), "a dry run writes nothing");
  }

  @Test
  void embedWritesEveryImageInPathOrderWithItsIdAndListsTheFilesLeftOut() throws Exception {
    Path csv = tmp.resolve("all.csv");
    CommandRun embed = CommandRun.of("embed", run.toString(), "--out", csv.toString(), "--batch-size", "10");
    assertEquals(0, embed.exit(), embed.toString());
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).startsWith("id,v0,v1,"), lines.get(0));
    assertEquals(65, lines.size());

    RunCheckpoint ckpt = RunCheckpoint.open(run, "last");
    ImageFolderDataset folder = new ImageFolderDataset("photos", photos,
        DatasetOptions.DEFAULTS.withChannels(3).withLabels(FolderLabels.NONE)
            .withOnBadImage(org.aucl.data.BadImages.SKIP)).verified(1);
    Features expected;
    try (ContrastiveNet net = ckpt.loadNet(Devices.resolve("cpu"))) {
      // photos of their own shapes: the short side resized to 16 and the centre cut
      expected = FeatureExtractor.extract(net, folder, ckpt.evalTransform(ImageShape.of(folder), folder.shapesVary()), FeatureHead.ENCODER);
    }
    for (int i = 0; i < folder.size(); i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertEquals(folder.id(i), cells[0]);
      float[] row = new float[expected.dim()];
      for (int j = 0; j < row.length; j++) {
        row[j] = Float.parseFloat(cells[j + 1]);
      }
      assertArrayEquals(Arrays.copyOfRange(expected.data(), i * expected.dim(), (i + 1) * expected.dim()), row, 1e-6f,
          "row " + i + ": batches of 10 on several threads give the extractor's vectors");
    }
    List<String> listed = Files.readAllLines(tmp.resolve("all.csv.skipped.txt"));
    assertEquals(List.of("2024-05-01/empty.jpg", "2024-05-02/cut.png"), listed.stream().map(l -> l.split("\t")[0]).toList());
    assertTrue(embed.out().contains("left out 2 unreadable files"), embed.out());

    CommandRun split = CommandRun.of("embed", run.toString(), "--out", tmp.resolve("t.csv").toString(), "--split", "test");
    assertEquals(Cli.USER_ERROR, split.exit(), split.toString());
    assertTrue(split.err().contains("it is embedded whole; leave out --split"), split.err());
  }

  @Test
  void aLabelledFolderIsEmbeddedWithTheSplitEachImageFellIn() throws Exception {
    Path labelled = EvalCommandsTest.imageFolder(tmp.resolve("labelled"), 3, 10);
    Path csv = tmp.resolve("labelled.csv");
    CommandRun embed = CommandRun.of("embed", run.toString(), "--dataset", labelled.toString(), "--out", csv.toString());
    assertEquals(0, embed.exit(), embed.toString());
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).startsWith("id,split,label,class,v0,"), lines.get(0));
    RunCheckpoint ckpt = RunCheckpoint.open(run, "last");
    EvalSplits splits = EvalSplits.open(labelled.toString(), tmp, 3, 16);
    List<String> testIds = java.util.stream.IntStream.range(0, splits.test().size()).mapToObj(splits.test()::id).toList();
    int tests = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      assertEquals(testIds.contains(c[0]) ? "test" : "train", c[1], c[0]);
      assertEquals("class" + c[2], c[3]);
      assertTrue(c[0].startsWith(c[3] + "/"), c[0]);
      tests += c[1].equals("test") ? 1 : 0;
    }
    assertEquals(30, lines.size() - 1);
    assertEquals(testIds.size(), tests);
    assertTrue(ckpt.channels() == 3);
  }

  @Test
  void aRunGoesOnOnlyWithTheImagesItStartedWith() throws Exception {
    Path copy = tmp.resolve("photos-copy");
    org.aucl.testkit.Trees.copy(photos, copy);
    Path out = tmp.resolve("resumable");
    List<String> args = TinyRun.pretrain(out, "--dataset", copy.toString(), "--knn-k", TinyRun.OMIT, "--image-size", "16",
        "--preset", "cifar", "--labels", "none", "--on-bad-image", "skip", "--epochs", "2");
    args.addAll(args.indexOf("--quiet"), List.of("--stop-after", "1"));
    CommandRun first = CommandRun.of(args);
    assertEquals(0, first.exit(), first.toString());
    Files.write(copy.resolve("2024-05-03/new.jpg"), picture(new Random(1), "jpg"));
    CommandRun resumed = CommandRun.of("pretrain", "--resume", out.toString(), "--quiet");
    assertEquals(Cli.USER_ERROR, resumed.exit(), resumed.toString());
    assertTrue(resumed.err().contains("now gives 65 readable images") && resumed.err().contains("made on 64"), resumed.err());
  }
}
