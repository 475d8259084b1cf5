package org.aucl.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aucl.augment.EpochLoader;
import org.aucl.eval.KnnResult;
import org.aucl.method.PretrainMethod;
import org.aucl.method.StatePart;
import org.aucl.method.StepClock;
import org.aucl.method.StepResult;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.Devices;
import org.aucl.model.MemoryFormat;
import org.aucl.model.NetworkCheck;
import org.aucl.optim.LrSchedule;
import org.aucl.run.Checkpoints;
import org.aucl.run.EpochMetrics;
import org.aucl.run.EpochPartial;
import org.aucl.run.ImageIndex;
import org.aucl.run.MetricsLog;
import org.aucl.run.Provenance;
import org.aucl.run.RunDirectory;
import org.aucl.run.RunLock;
import org.aucl.run.RunPlots;
import org.aucl.run.RunSummary;
import org.aucl.run.WeightsOrigin;
import org.aucl.spec.CheckpointInterval;
import org.aucl.spec.RunSpec;
import org.aucl.spec.TwoViewSpec;
import org.aucl.util.Json;
import org.aucl.util.UserException;
import org.aucl.weights.InitWeights;

/**
 * The pretraining loop, for any {@link PretrainMethod}: the method's loader, the learning-rate
 * schedule, one method step per batch, and after each epoch the kNN monitor, the metrics line, the
 * checkpoint and the plots in the run directory.
 *
 * <p>Resuming: the loader's randomness depends only on (seed, epoch, position), the schedule only on
 * the step, and the checkpoint holds every part of the method's state, so a resumed run ends with the
 * same weights as an uninterrupted one (CPU).
 */
public final class Pretrainer {
  /** How many times a non-finite step is computed again before {@code --on-nan} applies. */
  public static final int NON_FINITE_RECOMPUTES = 2;

  private final RunSpec cfg;
  private final RunDirectory run;
  private final boolean resume;
  private final boolean quiet;
  private final PrintStream out;
  private final TrainingFaults faults = TrainingFaults.current();
  private int stopAfterEpoch = Integer.MAX_VALUE;
  private KnnMonitor.Extracted lastEpochFeatures;
  private CheckedData checked;

  /**
   * @param resume continue from {@code run}'s last checkpoint instead of starting afresh
   * @param quiet no progress bars (for logs); epoch lines still print
   */
  public Pretrainer(RunSpec cfg, RunDirectory run, boolean resume, boolean quiet, PrintStream out) {
    this.cfg = cfg;
    this.run = run;
    this.resume = resume;
    this.quiet = quiet;
    this.out = out;
  }

  /**
   * Ends this invocation after {@code epoch} (checkpoint written, so {@code --resume} continues it):
   * long runs in slices on a shared machine, and the resume test.
   */
  public Pretrainer stopAfter(int epoch) {
    if (epoch < 1) {
      throw new UserException("--stop-after must be at least 1, got " + epoch + ".");
    }
    this.stopAfterEpoch = epoch;
    return this;
  }

  /**
   * What the kNN monitor extracted and found after the last epoch trained, that is with the weights of
   * {@code checkpoints/last}; empty when the monitor did not run after it.
   */
  public Optional<KnnMonitor.Extracted> lastEpochFeatures() {
    return Optional.ofNullable(lastEpochFeatures);
  }

  /**
   * Refuses, in one sentence, a run of {@code cfg} that could not train on its data: a batch larger than
   * the training set, a kNN monitor with more neighbours than its bank, one without labels. Reads the
   * datasets' indexes, nothing more.
   */
  public static CheckedData check(RunSpec cfg) {
    MemoryCheck.requireFits(cfg);
    TrainingData data = TrainingData.open(cfg);
    data.knnMonitor(cfg);
    return new CheckedData(cfg, data);
  }

  /**
   * The most images the whole-network check runs, and the most images times their pixels: the faults
   * seen show at 16 to 64 images, and the check costs a few seconds there (docs/MODELS.md).
   */
  private static final int CHECK_BATCH = 64;
  private static final long CHECK_PIXELS = 64L * 32 * 32;

  /**
   * The layout the run's network trains in: one whose float32 training pass the engine computes right
   * on this processor ({@link NetworkCheck}), checked at the batch of a step's forward pass (faults seen
   * depend on it), capped so that the float64 pass fits in memory; refused in one sentence if none is.
   * Checked once per process; networks made afterwards use it.
   */
  public static MemoryFormat networkLayout(RunSpec cfg) {
    MemoryCheck.requireFits(cfg); // first: the check's float64 pass must fit too
    Device device = Devices.resolve(cfg.device());
    int side = cfg.net().imageSize();
    int batch = (int) Math.max(2, Math.min(Math.min(cfg.method().imagesPerPass(cfg.schedule().batchSize()), CHECK_BATCH),
        CHECK_PIXELS / ((long) side * side)));
    try (ContrastiveNet net = cfg.method().evalNet(cfg.net(), device, cfg.seed())) {
      return NetworkCheck.chooseLayout(net, batch);
    }
  }

  /** A run's images, opened, decoded and checked by {@link #check}: {@link #using} spares {@link #run} reading them again. */
  public static final class CheckedData {
    private final RunSpec cfg;
    private final TrainingData data;

    private CheckedData(RunSpec cfg, TrainingData data) {
      this.cfg = cfg;
      this.data = data;
    }

    /** What config.json records of them. */
    public ImageIndex images() {
      return new ImageIndex(data.split().size(), data.split().skipped());
    }
  }

  /** Trains on {@code checked}'s images, read by {@link #check} for this run's specification. */
  public Pretrainer using(CheckedData checked) {
    if (!checked.cfg.equals(cfg)) {
      throw new IllegalArgumentException("these images were checked for another run's specification");
    }
    this.checked = checked;
    return this;
  }

  /** Trains until the last epoch (or a stop asked for); null when stopped inside an epoch. */
  public RunSummary run() {
    try (RunLock lock = RunLock.acquire(run)) {
      TrainingData data = checked != null ? checked.data : TrainingData.open(cfg);
      checked = null; // the decoded images belong to the loader from here
      requireSameImages(data);
      networkLayout(cfg); // on resume too, and before the method makes its networks
      try (PretrainMethod<?> method = cfg.method().create(
          cfg.net(), cfg.optimizer(), Devices.resolve(cfg.device()), cfg.seed(), data.train().size())) {
        return train(method, data);
      } catch (StoppedAtStep stopped) {
        return null;
      }
    }
  }

  /** Refuses to go on with other images than the run was made on (files added to or removed from its folder). */
  private void requireSameImages(TrainingData data) {
    if (!java.nio.file.Files.isRegularFile(run.config())) {
      return;
    }
    ImageIndex made = Json.read(run.config(), Provenance.ConfigFile.class).images();
    if (made != null && made.images() != data.split().size()) {
      throw new UserException(cfg.data().dataset() + " now gives " + data.split().size() + " readable images, but the run in "
          + run.root() + " was made on " + made.images() + "; a run goes on with the images it started with: restore them, "
          + "or start a new run.");
    }
  }

  /** A run made with {@code --init} starts from the file's encoder weights (every fresh start, so the same ones). */
  private void initialise(PretrainMethod<?> method) {
    if (!java.nio.file.Files.isRegularFile(run.config())) {
      return;
    }
    WeightsOrigin w = Json.read(run.config(), Provenance.ConfigFile.class).weights();
    if (w != null && WeightsOrigin.INIT.equals(w.kind())) {
      InitWeights.apply(w, method.initialisedNets());
      out.println("encoder initialised from " + w.file() + " (" + w.names() + " names)");
    }
  }

  /** Unwinds the loop after the mid-epoch checkpoint of {@link TrainingFaults#killAfterStep}. */
  private static final class StoppedAtStep extends RuntimeException {
    StoppedAtStep() {
      super(null, null, false, false);
    }
  }

  private <B> RunSummary train(PretrainMethod<B> method, TrainingData data) {
    int batch = cfg.schedule().batchSize();
    try (EpochLoader<B> loader =
            method.openLoader(data.train(), data.augmentation(), batch, cfg.data().workers(), cfg.seed());
        NDManager evalManager = NDManager.newBaseManager(method.evalNet().device())) {
      Optional<Checkpoints.Found> found = resume ? Checkpoints.latestValid(run.lastCheckpoint()) : Optional.empty();
      if (resume && found.isEmpty()) {
        out.printf("%s has no complete checkpoint yet: starting the run over from its config.json%n", run.root());
      }
      if (found.isEmpty()) {
        initialise(method);
      }
      Progress at = found.isPresent() ? resumeFrom(method, found.get()) : Progress.START;
      if (at.epoch() >= cfg.schedule().epochs()) {
        if (!java.nio.file.Files.isRegularFile(run.summary())) {
          // killed after its last checkpoint but before its summary: only the summary is missing
          return finish(MetricsLog.resume(run.metrics(), at.epoch()).epochs(), at);
        }
        throw new UserException(
            "the run in " + run.root() + " already finished all " + cfg.schedule().epochs() + " epochs.");
      }
      if (stopAfterEpoch <= at.epoch()) {
        throw new UserException("--stop-after " + stopAfterEpoch + " is not after the checkpoint's epoch " + at.epoch() + ".");
      }
      MetricsLog metrics = found.isPresent() ? MetricsLog.resume(run.metrics(), at.epoch()) : MetricsLog.create(run.metrics());
      printRun(method, data);
      KnnMonitor monitor = data.knnMonitor(cfg);
      EpochLoop<B> loop = new EpochLoop<>(method, loader, schedule(loader.batchesPerEpoch()), monitor, evalManager, metrics);
      return loop.run(at);
    }
  }

  private Progress resumeFrom(PretrainMethod<?> method, Checkpoints.Found found) {
    Checkpoints.State s = found.state();
    if (s.fingerprint() != null && !cfg.matchesFingerprint(s.fingerprint())) {
      throw new UserException("the checkpoint in " + found.dir() + " was made for " + s.fingerprint()
          + ", but " + run.config() + " describes " + cfg.fingerprint() + ".");
    }
    for (String problem : found.skipped()) {
      out.println("skipping an incomplete checkpoint: " + problem);
    }
    for (Map.Entry<String, StatePart> part : method.stateParts().entrySet()) {
      Checkpoints.load(found.dir(), part.getKey(), part.getValue()::load);
    }
    out.printf("resuming %s from %s: epoch %d done, %d batches into the next (step %d)%n",
        run.root(), found.dir().getFileName(), s.epoch(), s.batchInEpoch(), s.step());
    return new Progress(s.epoch(), s.step(), s.bestKnnTop1(), s.bestEpoch(), s.elapsedSeconds(), s.batchInEpoch(),
        s.partial());
  }

  private LrSchedule schedule(long stepsPerEpoch) {
    double baseLr = cfg.optimizer().lr();
    return new LrSchedule(
        baseLr,
        Math.round(cfg.schedule().warmupEpochs() * stepsPerEpoch),
        stepsPerEpoch * cfg.schedule().epochs(),
        baseLr * cfg.schedule().floorLrRatio());
  }

  private void printRun(PretrainMethod<?> method, TrainingData data) {
    out.println(method.describe());
    out.printf(
        "data %s: %d training images, batch %d, %d epochs; %s; device %s%n",
        cfg.data().dataset(), data.train().size(), cfg.schedule().batchSize(), cfg.schedule().epochs(),
        trainedWith(), method.evalNet().device());
    if (!data.split().skipped().isEmpty()) {
      out.printf("left out %d unreadable file%s (listed in config.json): %s%n", data.split().skipped().size(),
          data.split().skipped().size() == 1 ? "" : "s", SkippedFiles.sample(data.split().skipped()));
    }
    if (data.monitor() == null && !data.split().labeled()) {
      out.println("kNN monitor off: the images have no labels (the epoch lines' batch AUC needs none)");
    }
  }

  /** "method two-view, objective auc-cl", or the method alone when it has its own loss. */
  private String trainedWith() {
    return cfg.method() instanceof TwoViewSpec t
        ? "method " + t.name() + ", objective " + t.objective().loss()
        : "method " + cfg.method().name();
  }

  /**
   * Where a run stands: what a checkpoint's state.json records. {@code epoch} epochs are complete and
   * {@code batchInEpoch} batches of the next one are trained, with {@code partial} its sums so far.
   */
  private record Progress(
      int epoch, long step, Double bestKnnTop1, Integer bestEpoch, double elapsedSeconds, int batchInEpoch,
      EpochPartial partial) {
    static final Progress START = new Progress(0, 0, null, null, 0, 0, null);

    Checkpoints.State toState(String fingerprint) {
      return new Checkpoints.State(
          epoch, step, bestKnnTop1, bestEpoch, elapsedSeconds, batchInEpoch, partial, fingerprint);
    }
  }

  /** The epochs of one invocation, from a starting point to the last epoch or {@code --stop-after}. */
  private final class EpochLoop<B> {
    private final PretrainMethod<B> method;
    private final EpochLoader<B> loader;
    private final LrSchedule schedule;
    private final KnnMonitor monitor;
    private final NDManager evalManager;
    private final MetricsLog metrics;
    private final long stepsPerEpoch;
    private final long totalSteps;

    EpochLoop(PretrainMethod<B> method, EpochLoader<B> loader, LrSchedule schedule, KnnMonitor monitor,
        NDManager evalManager, MetricsLog metrics) {
      this.method = method;
      this.loader = loader;
      this.schedule = schedule;
      this.monitor = monitor;
      this.evalManager = evalManager;
      this.metrics = metrics;
      this.stepsPerEpoch = loader.batchesPerEpoch();
      this.totalSteps = stepsPerEpoch * cfg.schedule().epochs();
    }

    RunSummary run(Progress from) {
      long startNanos = System.nanoTime();
      Progress at = from;
      int epochs = cfg.schedule().epochs();
      for (int epoch = from.epoch() + 1; epoch <= Math.min(epochs, stopAfterEpoch); epoch++) {
        boolean first = epoch == from.epoch() + 1;
        EpochTotals totals = new EpochTotals(epoch, cfg.schedule().batchSize(), first ? from.partial() : null);
        long step = trainEpoch(epoch, totals, at, first ? from.batchInEpoch() : 0, from.elapsedSeconds(), startNanos);
        KnnResult knn = cfg.monitor().due(epoch, epochs) ? monitor.evaluate(method.evalNet(), evalManager) : null;
        lastEpochFeatures = knn != null ? monitor.lastExtracted() : null;
        double elapsed = elapsed(from, startNanos);
        EpochMetrics m = totals.metrics(step, knn, elapsed, method.scalars());
        stored(() -> metrics.append(m));
        boolean improved = knn != null && (at.bestKnnTop1() == null || knn.top1() > at.bestKnnTop1());
        at = improved
            ? new Progress(epoch, step, knn.top1(), epoch, elapsed, 0, null)
            : new Progress(epoch, step, at.bestKnnTop1(), at.bestEpoch(), elapsed, 0, null);
        saveCheckpoint(at);
        if (improved) {
          stored(run::promoteLastToBest);
        }
        stored(() -> RunPlots.write(run.root(), cfg.method().label() + " on " + cfg.data().dataset(), metrics.epochs()));
        out.println(EpochLine.format(m, epochs));
      }
      return finish(metrics.epochs(), at);
    }

    private double elapsed(Progress from, long startNanos) {
      return from.elapsedSeconds() + (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Trains epoch {@code epoch} from batch {@code fromBatch}, writing mid-epoch checkpoints as
     * {@code --checkpoint-every} asks; returns the global step after it.
     *
     * @param before where the run stood when the epoch began (its best kNN, for checkpoints)
     */
    private long trainEpoch(int epoch, EpochTotals totals, Progress before, int fromBatch, double elapsedBefore,
        long startNanos) {
      long step = before.step();
      CheckpointInterval interval = cfg.safety().interval();
      long lastSaveNanos = System.nanoTime();
      long stepsSinceSave = 0;
      String label = "epoch " + epoch + "/" + cfg.schedule().epochs();
      try (EpochProgress bar = new EpochProgress(label, stepsPerEpoch, quiet, System.err)) {
        bar.skip(fromBatch);
        Iterator<B> it = loader.epoch(epoch, fromBatch);
        while (it.hasNext()) {
          B batch = it.next();
          double lr = schedule.lr(step);
          StepResult r = stepWithRecompute(batch, lr, new StepClock(step, stepsPerEpoch, totalSteps), epoch);
          if (Double.isNaN(r.loss())) {
            nonFinite(epoch, step, totals.batches());
            totals.skip();
          } else {
            totals.add(r, lr);
          }
          step++;
          stepsSinceSave++;
          bar.step(r.loss(), r.batchAuc(), totals.imagesPerSecond());
          boolean lastBatch = totals.batches() >= stepsPerEpoch;
          boolean stop = faults.killAfterStep(step);
          if (stop || (!lastBatch && interval.due(stepsSinceSave, (System.nanoTime() - lastSaveNanos) / 1e9))) {
            saveCheckpoint(new Progress(epoch - 1, step, before.bestKnnTop1(), before.bestEpoch(),
                elapsedBefore + (System.nanoTime() - startNanos) / 1e9, totals.batches(), totals.partial()));
            lastSaveNanos = System.nanoTime();
            stepsSinceSave = 0;
          }
          if (stop) {
            throw new StoppedAtStep();
          }
        }
      }
      totals.endTraining();
      return step;
    }

    /**
     * One step; a non-finite one changed nothing and is computed again on the same batch, up to
     * {@link #NON_FINITE_RECOMPUTES} times, before {@code --on-nan} applies: PyTorch's CPU kernels have
     * returned NaN that the same computation did not repeat (docs/RELIABILITY.md), while a diverged
     * run stays non-finite.
     */
    private StepResult stepWithRecompute(B batch, double lr, StepClock clock, int epoch) {
      StepResult r = faults.nonFiniteFirstTry(clock.step())
          ? new StepResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
          : method.step(batch, lr, clock);
      for (int attempt = 2; Double.isNaN(r.loss()) && attempt <= 1 + NON_FINITE_RECOMPUTES; attempt++) {
        r = method.step(batch, lr, clock);
        if (!Double.isNaN(r.loss())) {
          out.println("epoch " + epoch + ", step " + clock.step() + ": the loss or a gradient was non-finite; computed"
              + " again, it was finite at try " + attempt + ".");
        }
      }
      return r;
    }

    /** A step whose loss or gradient was not finite: stop (the default) or let it be skipped. */
    private void nonFinite(int epoch, long step, int batchInEpoch) {
      if ("skip".equals(cfg.safety().onNan())) {
        return;
      }
      throw new NonFiniteStepException("the loss or a gradient became non-finite at epoch " + epoch + ", step "
          + step + " (batch " + (batchInEpoch + 1) + " of the epoch); the run stopped and its last checkpoint is kept."
          + " Lower --lr, check the objective's options, or pass --on-nan skip.");
    }

    private void saveCheckpoint(Progress at) {
      Map<String, Checkpoints.PartWriter> parts = new LinkedHashMap<>();
      for (Map.Entry<String, StatePart> p : method.stateParts().entrySet()) {
        parts.put(p.getKey(), faults.checkpointWriter(p.getValue()::save));
      }
      stored(() -> Checkpoints.save(run.lastCheckpoint(), at.toState(cfg.fingerprint()), parts));
    }
  }

  /**
   * Runs a write into the run directory; a failure (a full disk, a folder made read-only) becomes one
   * sentence that says what is kept and how to continue. Every file is written under a temporary name
   * that the failed write removes, so nothing half-written stays.
   */
  private void stored(Runnable write) {
    try {
      write.run();
    } catch (java.io.UncheckedIOException e) {
      Optional<Checkpoints.Found> kept = Checkpoints.latestValid(run.lastCheckpoint());
      String state = kept.isPresent()
          ? "the last complete checkpoint (" + kept.get().dir().getFileName() + ", epoch " + kept.get().state().epoch()
              + ", step " + kept.get().state().step() + ") is intact"
          : "no checkpoint was complete yet, so --resume will start the run over";
      throw new UserException(e.getMessage() + "; " + state + ": free some space, then continue with ./aucl pretrain --resume "
          + run.root() + ".", e);
    }
  }

  private RunSummary finish(List<EpochMetrics> epochs, Progress at) {
    EpochMetrics last = epochs.get(epochs.size() - 1);
    double imagesPerSecond = epochs.stream().mapToDouble(EpochMetrics::imagesPerSecond).average().orElse(0);
    RunSummary summary =
        new RunSummary(
            run.root().toString(), last.epoch(), last.knnTop1(), at.bestKnnTop1(), at.bestEpoch(),
            last.elapsedSeconds(), imagesPerSecond, last.loss(), org.aucl.model.KernelGuard.detours());
    stored(() -> Json.write(run.summary(), summary));
    return summary;
  }

  /** Formats the one-line epoch summary. */
  static final class EpochLine {
    private EpochLine() {}

    static String format(EpochMetrics m, int epochs) {
      List<String> parts = new ArrayList<>();
      parts.add(String.format("epoch %d/%d", m.epoch(), epochs));
      parts.add(String.format("loss %.4f", m.loss()));
      parts.add(String.format("pos %.3f neg %.3f auc %.3f", m.meanPositive(), m.meanNegative(), m.batchAuc()));
      if (m.knnTop1() != null) {
        parts.add(String.format("kNN top-1 %.2f%%", 100 * m.knnTop1()));
      }
      parts.add(String.format("lr %.2e", m.lr()));
      parts.add(String.format("%.0f img/s", m.imagesPerSecond()));
      parts.add(String.format("%.0fs", m.elapsedSeconds()));
      return String.join("  ", parts);
    }
  }
}
