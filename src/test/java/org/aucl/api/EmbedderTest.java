package org.aucl.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.aucl.augment.ImageShape;
import org.aucl.data.ImageDataset;
import org.aucl.eval.FeatureExtractor;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.Devices;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.RunFeatures;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.TinyRun;
import org.aucl.util.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedderTest {
  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void pretrain() {
    run = tmp.resolve("run");
    CommandRun r = CommandRun.of(TinyRun.pretrain(run, "--dataset", "synthetic:n=256,test=32,size=16,channels=1,classes=4,seed=3",
        "--knn-k", "10", "--workers", "1"));
    assertEquals(0, r.exit(), r.toString());
  }

  @Test
  void theReadmesSimilarityExampleRuns() throws Exception {
    ReadmeExamples.assertQuoted("EmbedderExample.java");
    Path a = tmp.resolve("a.png");
    Path b = tmp.resolve("b.png");
    ImageIO.write(picture(3), "png", a.toFile());
    ImageIO.write(picture(4), "png", b.toFile());
    assertEquals(1.0, EmbedderExample.similarity(run, a, a), 1e-5);
    float ab = EmbedderExample.similarity(run, a, b);
    assertTrue(ab < 1 - 1e-4 && ab > -1, "two different pictures: " + ab);
  }

  @Test
  void embeddingsEqualTheExtractorsAndConcurrentCallsAgree() throws Exception {
    RunCheckpoint ckpt = RunCheckpoint.open(run, "last");
    ImageDataset test = RunFeatures.splitsFor(ckpt, null, null).test();
    Features expected;
    try (ContrastiveNet net = ckpt.loadNet(Devices.resolve("cpu"))) {
      expected = FeatureExtractor.extract(net, test, ckpt.evalTransform(new ImageShape(1, 16, 16)), FeatureHead.ENCODER);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Embedder embedder = Embedder.open(run)) {
      assertEquals(expected.dim(), embedder.dimension());
      List<Future<float[]>> results = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        float[] img = test.image(i);
        results.add(pool.submit(() -> embedder.embed(img, 16, 16)));
      }
      for (int i = 0; i < test.size(); i++) {
        float[] row = java.util.Arrays.copyOfRange(expected.data(), i * expected.dim(), (i + 1) * expected.dim());
        assertArrayEquals(row, results.get(i).get(), 1e-4f, "image " + i);
      }
      assertThrows(IllegalArgumentException.class, () -> embedder.embed(new float[10], 16, 16));
      assertThrows(UserException.class, () -> embedder.embed(tmp.resolve("missing.png")));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theReadmesFolderExampleFindsTheImageItself() throws Exception {
    ReadmeExamples.assertQuoted("EmbedderFolderExample.java");
    Path folder = java.nio.file.Files.createDirectories(tmp.resolve("folder/2024"));
    for (int i = 0; i < 70; i++) { // more than one batch
      ImageIO.write(picture(100 + i, 16, 16), "png", folder.resolve(String.format("img-%02d.png", i)).toFile());
    }
    assertEquals("2024/img-37.png", EmbedderFolderExample.mostSimilar(run, tmp.resolve("folder"), folder.resolve("img-37.png")));
  }

  @Test
  void listsFilesAndFoldersGiveTheSingleImageEmbeddings() throws Exception {
    Path folder = java.nio.file.Files.createDirectories(tmp.resolve("batched"));
    List<Path> files = new ArrayList<>();
    List<BufferedImage> images = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      images.add(picture(200 + i, 16, 16));
      files.add(folder.resolve(String.format("b-%02d.png", i)));
      ImageIO.write(images.get(i), "png", files.get(i).toFile());
    }
    try (Embedder one = Embedder.open(run, "last", 1); Embedder four = Embedder.open(run, "last", 4)) {
      List<float[]> fromImages = four.embedImages(images);
      List<float[]> fromFiles = four.embedFiles(files);
      List<Embedder.Embedding> fromFolder = new ArrayList<>();
      assertEquals(11, four.embedFolder(folder, fromFolder::add));
      for (int i = 0; i < 11; i++) {
        float[] single = one.embed(files.get(i));
        assertArrayEquals(single, fromImages.get(i), 1e-5f, "image " + i + " in a batch of 4");
        assertArrayEquals(single, fromFiles.get(i), 1e-5f, "file " + i);
        assertEquals(String.format("b-%02d.png", i), fromFolder.get(i).id(), "relative-path order");
        assertArrayEquals(single, fromFolder.get(i).vector(), 1e-5f, "folder row " + i);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Embedder.open(run, "last", 0));
    assertThrows(UserException.class, () -> {
      try (Embedder e = Embedder.open(run)) {
        e.embedFiles(List.of(files.get(0), tmp.resolve("missing.png")));
      }
    });
  }

  private static BufferedImage picture(int seed) {
    return picture(seed, 30, 20);
  }

  private static BufferedImage picture(int seed, int w, int h) {
    java.util.Random rnd = new java.util.Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rnd.nextInt(1 << 24));
      }
    }
    return img;
  }
}
