package org.aucl.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.aucl.augment.AugmentPresets;
import org.aucl.augment.Augmentation;
import org.aucl.augment.ImageShape;
import org.aucl.augment.NoiseDataset;
import org.aucl.augment.PairBatch;
import org.aucl.augment.TwoViewLoader;
import org.aucl.data.DatasetOptions;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aucl bench loader}: views per second of the two-view loader for each worker-thread count.
 * After a warm-up it times {@code --batches} batches, {@code --repeats} times, and reports the best.
 */
@Command(
    name = "loader",
    mixinStandardHelpOptions = true,
    description = "Two-view loader throughput (views per second).")
public final class BenchLoaderCommand implements Runnable, Checked {
  @Mixin VerboseOption verbose;

  @Option(names = "--dataset", required = true,
      description = "Dataset name or path (train split), or noise-<side>[-c<channels>][-n<count>] for random images.")
  String dataset;

  @Mixin DataDirOption dataDir;

  @Option(names = "--preset", description = "Augmentation preset: cifar, fashion-mnist, imagenet (default: fashion-mnist).",
      defaultValue = "fashion-mnist")
  String preset;

  @Option(names = "--output-size", defaultValue = "0", description = "Side of the views; 0 keeps the dataset's size.")
  int outputSize;

  @Option(names = "--short-side", defaultValue = "0",
      description = "Image folders: downscale each image once, at decode, to this short side (default 0: the decoded size).")
  int shortSide;
  @Option(names = "--batch-size", defaultValue = "256", description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--batches", defaultValue = "40", description = "Batches timed per run (default: ${DEFAULT-VALUE}).")
  int batches;

  @Option(names = "--warmup", defaultValue = "10", description = "Batches before timing (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--repeats", defaultValue = "3", description = "Timed runs per thread count; the best is reported.")
  int repeats;

  @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Worker-thread counts (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(names = "--prefetch", defaultValue = "4", description = "Batches made ahead (default: ${DEFAULT-VALUE}).")
  int prefetch;

  @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Best views per second of one thread count, with every run's figure. */
  public record Result(int threads, double bestViewsPerSecond, List<Double> runs) {}

  /** Limits that keep a benchmark's memory and time sane. */
  static final int MAX_BATCHES = 1_000_000;
  static final int MAX_THREADS = 256;
  static final int MAX_PREFETCH = 64;

  private ImageDataset ds;
  private Augmentation aug;

  @Override
  public void check() {
    if (batches < 1 || batches > MAX_BATCHES || warmup < 0 || warmup > MAX_BATCHES || repeats < 1 || repeats > 1000) {
      throw new UserException("--batches must be between 1 and " + MAX_BATCHES + ", --warmup between 0 and " + MAX_BATCHES
          + " and --repeats between 1 and 1000.");
    }
    if (batchSize < 1 || prefetch < 1 || prefetch > MAX_PREFETCH || threads.isEmpty()
        || threads.stream().anyMatch(t -> t < 1 || t > MAX_THREADS)) {
      throw new UserException("--batch-size must be at least 1, --prefetch between 1 and " + MAX_PREFETCH
          + ", and every --threads value between 1 and " + MAX_THREADS + ".");
    }
    ds = NoiseDataset.fromName(dataset, seed)
        .map(d -> (ImageDataset) d)
        .orElseGet(() -> Datasets.open(dataset, "train", dataDir.orDefault(),
            UserInput.check(() -> DatasetOptions.DEFAULTS.withShortSide(shortSide))));
    aug = UserInput.check(
        () -> AugmentPresets.create(preset, ds, outputSize));
    double bytes = 4.0 * 2 * batchSize * (prefetch + 2) * aug.channels() * (double) aug.outputSize() * aug.outputSize();
    if (bytes > Runtime.getRuntime().maxMemory() / 2.0) {
      throw new UserException(String.format(java.util.Locale.ROOT,
          "--batch-size %d with --prefetch %d holds %.1f GB of views, more than half of the Java heap; lower either.",
          batchSize, prefetch, bytes / 1e9));
    }
  }

  @Override
  public void run() {
    if (ds == null) {
      check();
    }
    System.out.printf(Locale.ROOT,
        "loader bench: %s (%d images %s), preset %s, views %s, batch %d, %d warm-up + %d timed batches x %d runs, prefetch %d, %d cores%n",
        ds.name(), ds.size(), ds.shapesVary() ? ds.channels() + " channels, each of its own shape"
            : ds.channels() + "x" + ds.height() + "x" + ds.width(), preset, aug.output(), batchSize, warmup,
        batches, repeats, prefetch, Runtime.getRuntime().availableProcessors());
    for (int t : threads) {
      Result r = measure(ds, aug, t);
      StringBuilder runs = new StringBuilder();
      for (double v : r.runs()) {
        runs.append(runs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", v));
      }
      System.out.printf(Locale.ROOT, "threads %d: %,.0f views/s (best of %d: %s)%n",
          t, r.bestViewsPerSecond(), repeats, runs);
    }
  }

  Result measure(ImageDataset ds, Augmentation aug, int workers) {
    List<Double> runs = new ArrayList<>();
    try (TwoViewLoader loader = new TwoViewLoader(ds, aug.view1(), aug.view2(), batchSize, workers, prefetch, seed)) {
      Batches it = new Batches(loader);
      for (int i = 0; i < warmup; i++) {
        it.next();
      }
      for (int r = 0; r < repeats; r++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < batches; i++) {
          it.next();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        runs.add(2.0 * batchSize * batches / seconds);
      }
    }
    double best = runs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return new Result(workers, best, runs);
  }

  /** Batches across epoch boundaries. */
  private static final class Batches {
    private final TwoViewLoader loader;
    private int epoch;
    private Iterator<PairBatch> it;

    Batches(TwoViewLoader loader) {
      this.loader = loader;
      this.it = loader.epoch(0);
    }

    PairBatch next() {
      if (!it.hasNext()) {
        it = loader.epoch(++epoch);
      }
      return it.next();
    }
  }
}
