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

  private static BufferedImage picture(int seed) {
    java.util.Random rnd = new java.util.Random(seed);
    BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 30; x++) {
        img.setRGB(x, y, rnd.nextInt(1 << 24));
      }
    }
    return img;
  }
}
