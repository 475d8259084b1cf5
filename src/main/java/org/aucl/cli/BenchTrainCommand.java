package org.aucl.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.aucl.augment.PairBatch;
import org.aucl.method.StepClock;
import org.aucl.method.StepPhases;
import org.aucl.method.TwoViewMethod;
import org.aucl.model.Devices;
import org.aucl.model.NetConfig;
import org.aucl.spec.RunSpec;
import org.aucl.spec.TwoViewSpec;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Training throughput: pairs of views per second through the whole step of the two-view method (two
 * forward passes, the loss, backward, the optimiser) on pre-generated random batches of the run's
 * shape, and the model-FLOP utilisation against this machine's fp32 matrix-product peak measured in the
 * same run. It takes every {@code pretrain} option (the default job's by default); with
 * {@code --image-size} and {@code --channels} no dataset is opened.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Training step throughput and model-FLOP utilisation.")
public final class BenchTrainCommand implements Callable<Integer>, Checked {
  /** The learning rate of the timed steps: small, so that the weights stay where they began. */
  private static final double LR = 1e-4;

  @Mixin VerboseOption verbose;

  @Mixin PretrainOptions options;

  @Option(names = "--steps", defaultValue = "10", description = "Timed steps (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads; 0: all available processors (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--peak", defaultValue = "true", arity = "1", description = "Measure the matrix-product peak for the MFU (default ${DEFAULT-VALUE}).")
  boolean peak;

  @Option(names = "--phases", description = "Also print where a step's time goes: input, forward, loss, backward, read, optimiser, freeing.")
  boolean phases;

  private RunSpec spec;

  @Override
  public void check() {
    if (steps < 1 || steps > 1_000_000 || warmup < 0 || warmup > 1_000_000 || threads < 0 || threads > 1024) {
      throw new UserException("--steps must be between 1 and 1000000, --warmup between 0 and 1000000 and --threads between 0 and 1024.");
    }
    RunSpec.Builder b = options.builder();
    DatasetReadOptions read = options.data.read;
    if (read.imageSize != null && read.channels != null) {
      b.optInput(read.channels(), read.imageSize());
    }
    spec = UserInput.check(b::build);
    if (!(spec.method() instanceof TwoViewSpec)) {
      throw new UserException("bench train times the two-view method's step; --method " + spec.method().name() + " is not timed here.");
    }
    org.aucl.train.MemoryCheck.requireFits(spec);
  }

  @Override
  public Integer call() {
    if (spec == null) {
      check();
    }
    org.aucl.model.EngineThreads.configure(threads);
    TwoViewSpec twoView = (TwoViewSpec) spec.method();
    Device dev = Devices.resolve(spec.device());
    NetConfig cfg = spec.net();
    int batchSize = spec.schedule().batchSize();
    Random random = new Random(1);
    PairBatch[] batches = new PairBatch[2];
    for (int i = 0; i < batches.length; i++) {
      batches[i] = randomBatch(random, batchSize, cfg.inChannels(), cfg.imageSize());
    }
    double seconds;
    StepPhases recorded = StepPhases.recording();
    double flopsPerPair;
    long params;
    try (TwoViewMethod method = (TwoViewMethod) twoView.create(cfg, spec.optimizer(), dev, spec.seed(), batchSize)) {
      if (phases) {
        method.recordPhases(recorded);
      }
      long total = warmup + steps;
      for (int i = 0; i < warmup; i++) {
        method.step(batches[i % 2], LR, new StepClock(i, total, total));
      }
      recorded.reset();
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        method.step(batches[i % 2], LR, new StepClock(warmup + i, total, total));
      }
      seconds = (System.nanoTime() - t0) / 1e9;
      // training = forward + backward (2x forward) = 3x forward FLOPs per view, two views per pair
      flopsPerPair = 2 * 3 * method.evalNet().flopsPerImage(true);
      params = method.evalNet().parameterCount(true);
    }
    double pairsPerSecond = (double) steps * batchSize / seconds;
    double modelFlops = pairsPerSecond * flopsPerPair;
    System.out.printf(Locale.ROOT, "engine: %s, device %s, intra-op threads %d%n",
        Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion(), dev, org.aucl.model.EngineThreads.current());
    System.out.printf(Locale.ROOT, "model: %s/%s width %s, %dx%dx%d, batch %d, %s, %s, loss %s, %.2f M parameters, %.3f GFLOP forward per image%n",
        cfg.arch(), cfg.stem(), cfg.width(), cfg.inChannels(), cfg.imageSize(), cfg.imageSize(), batchSize,
        twoView.twoPassBatchNorm() ? "two passes" : "one pass", spec.optimizer().name(), twoView.objective().loss(),
        params / 1e6, flopsPerPair / 6 / 1e9);
    System.out.printf(Locale.ROOT, "train: %.2f pairs/s (%.3f s/step over %d steps), %.1f GFLOP/s model%n",
        pairsPerSecond, seconds / steps, steps, modelFlops / 1e9);
    if (phases) {
      printPhases(recorded, steps, seconds);
    }
    if (peak) {
      double peakFlops = MatmulPeak.measure(dev);
      System.out.printf(Locale.ROOT, "peak: %.1f GFLOP/s (best fp32 matMul of 2048^2 and 4096^2)%n", peakFlops / 1e9);
      System.out.printf(Locale.ROOT, "MFU: %.1f%%%n", 100 * modelFlops / peakFlops);
    }
    return 0;
  }

  /** One line per phase: milliseconds per step and share of the timed wall time. */
  private static void printPhases(StepPhases recorded, int steps, double seconds) {
    System.out.println("phases (ms per step, share of the step):");
    double sum = 0;
    for (Map.Entry<StepPhases.Phase, Double> e : recorded.seconds().entrySet()) {
      sum += e.getValue();
      System.out.printf(Locale.ROOT, "  %-10s %8.2f  %5.1f%%%n",
          e.getKey().name().toLowerCase(Locale.ROOT), 1000 * e.getValue() / steps, 100 * e.getValue() / seconds);
    }
    System.out.printf(Locale.ROOT, "  %-10s %8.2f  %5.1f%%%n", "other", 1000 * (seconds - sum) / steps, 100 * (seconds - sum) / seconds);
  }

  private static PairBatch randomBatch(Random r, int b, int c, int s) {
    int n = b * c * s * s;
    float[] v1 = new float[n];
    float[] v2 = new float[n];
    for (int i = 0; i < n; i++) {
      v1[i] = (float) r.nextGaussian();
      v2[i] = (float) r.nextGaussian();
    }
    int[] idx = new int[b];
    for (int i = 0; i < b; i++) {
      idx[i] = i;
    }
    return new PairBatch(v1, v2, new int[b], idx, b, c, s, s);
  }

  /** Best FLOP/s of n x n fp32 matrix products (2 n^3 FLOPs) for n = 2048 and 4096. */
  static final class MatmulPeak {
    private MatmulPeak() {}

    static double measure(Device dev) {
      double best = 0;
      try (NDManager m = NDManager.newBaseManager(dev)) {
        for (int n : new int[] {2048, 4096}) {
          NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
          NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
          a.matMul(b).close(); // warm-up
          for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            NDArray c = a.matMul(b);
            c.getFloat(0, 0); // forces completion on asynchronous devices
            double s = (System.nanoTime() - t0) / 1e9;
            c.close();
            best = Math.max(best, 2.0 * n * n * n / s);
          }
        }
      }
      return best;
    }
  }
}
