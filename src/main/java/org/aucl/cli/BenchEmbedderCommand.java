package org.aucl.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.aucl.api.Embedder;
import org.aucl.run.RunCheckpoint;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aucl bench embedder}: images per second of the Java {@link Embedder} on random images of the
 * run's size, one list of images per batch size; batch size 1 is one image per forward pass, what a
 * caller embedding image by image gets. Each batch size is timed {@code --repeats} times after a
 * warm-up list, and the best is reported with its ratio to the first batch size.
 */
@Command(
    name = "embedder",
    mixinStandardHelpOptions = true,
    description = "Embedder throughput (images per second) for each batch size.")
public final class BenchEmbedderCommand implements Runnable, Checked {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory made by 'aucl pretrain'.")
  Path runDir;

  @Option(names = "--images", defaultValue = "512", description = "Images embedded per timed run (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--batch-sizes", split = ",", defaultValue = "1,64",
      description = "Batch sizes compared, the first the baseline (default: ${DEFAULT-VALUE}).")
  List<Integer> batchSizes;

  @Option(names = "--repeats", defaultValue = "3", description = "Timed runs per batch size; the best is reported.")
  int repeats;

  static final int MAX_IMAGES = 1_000_000;

  private RunCheckpoint checkpoint;

  @Override
  public void check() {
    if (images < 1 || images > MAX_IMAGES || repeats < 1 || repeats > 1000) {
      throw new UserException("--images must be between 1 and " + MAX_IMAGES + " and --repeats between 1 and 1000.");
    }
    if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(b -> b < 1 || b > Embedder.MAX_BATCH_SIZE)) {
      throw new UserException("every --batch-sizes value must be between 1 and " + Embedder.MAX_BATCH_SIZE + ".");
    }
    checkpoint = RunCheckpoint.open(runDir, "last");
    double bytes = 4.0 * images * checkpoint.channels() * (double) checkpoint.imageSize() * checkpoint.imageSize();
    if (bytes > Runtime.getRuntime().maxMemory() / 4.0) {
      throw new UserException(String.format(Locale.ROOT,
          "--images %d at %d px hold %.1f GB of pixels, more than a quarter of the Java heap; lower it.",
          images, checkpoint.imageSize(), bytes / 1e9));
    }
  }

  @Override
  public void run() {
    if (checkpoint == null) {
      check();
    }
    int side = checkpoint.imageSize();
    List<BufferedImage> pictures = pictures(images, side, new SplittableRandom(0));
    System.out.printf(Locale.ROOT, "embedder bench: %s, %d random %dx%d images per run, %d runs per batch size, %d cores%n",
        runDir, images, side, side, repeats, Runtime.getRuntime().availableProcessors());
    double baseline = 0;
    for (int b : batchSizes) {
      double best = 0;
      try (Embedder embedder = Embedder.open(runDir, "last", b)) {
        embedder.embedImages(pictures.subList(0, Math.min(images, Math.max(b, 64)))); // warm-up
        for (int r = 0; r < repeats; r++) {
          long t0 = System.nanoTime();
          embedder.embedImages(pictures);
          best = Math.max(best, images / ((System.nanoTime() - t0) / 1e9));
        }
      }
      baseline = baseline == 0 ? best : baseline;
      System.out.printf(Locale.ROOT, "batch %d: %,.0f images/s (%.2fx batch %d)%n", b, best, best / baseline,
          batchSizes.get(0));
    }
  }

  private static List<BufferedImage> pictures(int n, int side, SplittableRandom rng) {
    List<BufferedImage> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          img.setRGB(x, y, rng.nextInt(1 << 24));
        }
      }
      out.add(img);
    }
    return out;
  }
}
