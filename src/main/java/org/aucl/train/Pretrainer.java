package org.aucl.train;

import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.augment.EpochLoader;
import org.aucl.eval.KnnResult;
import org.aucl.method.PretrainMethod;
import org.aucl.method.StatePart;
import org.aucl.method.StepClock;
import org.aucl.method.StepResult;
import org.aucl.model.Devices;
import org.aucl.optim.LrSchedule;
import org.aucl.util.Json;
import org.aucl.util.UserException;

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
  private final PretrainConfig cfg;
  private final RunDirectory run;
  private final boolean resume;
  private final boolean quiet;
  private final PrintStream out;
  private int stopAfterEpoch = Integer.MAX_VALUE;

  /**
   * @param resume continue from {@code run}'s last checkpoint instead of starting afresh
   * @param quiet no progress bars (for logs); epoch lines still print
   */
  public Pretrainer(PretrainConfig cfg, RunDirectory run, boolean resume, boolean quiet, PrintStream out) {
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

  public RunSummary run() {
    TrainingData data = TrainingData.open(cfg);
    try (PretrainMethod<?> method = Methods.create(cfg, Devices.resolve(cfg.device()), data.train().size())) {
      return train(method, data);
    }
  }

  private <B> RunSummary train(PretrainMethod<B> method, TrainingData data) {
    int batch = cfg.schedule().batchSize();
    try (EpochLoader<B> loader =
            method.openLoader(data.train(), data.augmentation(), batch, cfg.data().workers(), cfg.seed());
        NDManager evalManager = NDManager.newBaseManager(method.evalNet().device())) {
      Progress at = resume ? resumeFrom(method) : Progress.START;
      if (at.epoch() >= cfg.schedule().epochs()) {
        throw new UserException(
            "the run in " + run.root() + " already finished all " + cfg.schedule().epochs() + " epochs.");
      }
      if (stopAfterEpoch <= at.epoch()) {
        throw new UserException("--stop-after " + stopAfterEpoch + " is not after the checkpoint's epoch " + at.epoch() + ".");
      }
      MetricsLog metrics = resume ? MetricsLog.resume(run.metrics(), at.epoch()) : MetricsLog.create(run.metrics());
      printRun(method, data);
      KnnMonitor monitor = cfg.monitor().knnEvery() == 0
          ? null
          : new KnnMonitor(cfg.monitor(), data.trainSplit(), cfg.openSplit("test"), data.augmentation().eval(), cfg.seed());
      EpochLoop<B> loop = new EpochLoop<>(method, loader, schedule(loader.batchesPerEpoch()), monitor, evalManager, metrics);
      return loop.run(at);
    }
  }

  private Progress resumeFrom(PretrainMethod<?> method) {
    Checkpoints.State s = Checkpoints.readState(run.lastCheckpoint());
    for (Map.Entry<String, StatePart> part : method.stateParts().entrySet()) {
      Checkpoints.load(run.lastCheckpoint(), part.getKey(), part.getValue()::load);
    }
    out.printf("resuming %s after epoch %d (step %d)%n", run.root(), s.epoch(), s.step());
    return new Progress(s.epoch(), s.step(), s.bestKnnTop1(), s.bestEpoch(), s.elapsedSeconds());
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
        "data %s: %d training images, batch %d, %d epochs; method %s, objective %s; device %s%n",
        cfg.data().dataset(), data.train().size(), cfg.schedule().batchSize(), cfg.schedule().epochs(),
        method.name(), cfg.objective().loss(), method.evalNet().device());
  }

  /** Where a run stands after an epoch: what a checkpoint's state.json records. */
  private record Progress(int epoch, long step, Double bestKnnTop1, Integer bestEpoch, double elapsedSeconds) {
    static final Progress START = new Progress(0, 0, null, null, 0);

    Checkpoints.State toState() {
      return new Checkpoints.State(epoch, step, bestKnnTop1, bestEpoch, elapsedSeconds);
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
        EpochTotals totals = trainEpoch(epoch, at.step());
        long step = at.step() + totals.steps();
        KnnResult knn = cfg.monitor().due(epoch, epochs) ? monitor.evaluate(method.evalNet(), evalManager) : null;
        double elapsed = from.elapsedSeconds() + (System.nanoTime() - startNanos) / 1e9;
        EpochMetrics m = totals.metrics(step, knn, elapsed, method.scalars());
        metrics.append(m);
        boolean improved = knn != null && (at.bestKnnTop1() == null || knn.top1() > at.bestKnnTop1());
        at = improved
            ? new Progress(epoch, step, knn.top1(), epoch, elapsed)
            : new Progress(epoch, step, at.bestKnnTop1(), at.bestEpoch(), elapsed);
        saveCheckpoint(at);
        if (improved) {
          run.promoteLastToBest();
        }
        RunPlots.write(run.root(), cfg.objective().loss() + " on " + cfg.data().dataset(), metrics.epochs());
        out.println(EpochLine.format(m, epochs));
      }
      return finish(metrics.epochs(), at);
    }

    private EpochTotals trainEpoch(int epoch, long firstStep) {
      EpochTotals totals = new EpochTotals(epoch, cfg.schedule().batchSize());
      long step = firstStep;
      String label = "epoch " + epoch + "/" + cfg.schedule().epochs();
      try (EpochProgress bar = new EpochProgress(label, stepsPerEpoch, quiet, System.err)) {
        Iterator<B> it = loader.epoch(epoch);
        while (it.hasNext()) {
          B batch = it.next();
          double lr = schedule.lr(step);
          StepResult r = method.step(batch, lr, new StepClock(step, stepsPerEpoch, totalSteps));
          if (!Double.isFinite(r.loss())) {
            throw new UserException("the loss became " + r.loss() + " at epoch " + epoch + ", step " + step
                + "; lower --lr or check the objective's options.");
          }
          step++;
          totals.add(r, lr);
          bar.step(r.loss(), r.batchAuc(), totals.imagesPerSecond());
        }
      }
      totals.endTraining();
      return totals;
    }

    private void saveCheckpoint(Progress at) {
      Map<String, Checkpoints.PartWriter> parts = new LinkedHashMap<>();
      for (Map.Entry<String, StatePart> p : method.stateParts().entrySet()) {
        parts.put(p.getKey(), p.getValue()::save);
      }
      Checkpoints.save(run.lastCheckpoint(), at.toState(), parts);
    }
  }

  private RunSummary finish(List<EpochMetrics> epochs, Progress at) {
    EpochMetrics last = epochs.get(epochs.size() - 1);
    double imagesPerSecond = epochs.stream().mapToDouble(EpochMetrics::imagesPerSecond).average().orElse(0);
    RunSummary summary =
        new RunSummary(
            run.root().toString(), last.epoch(), last.knnTop1(), at.bestKnnTop1(), at.bestEpoch(),
            last.elapsedSeconds(), imagesPerSecond, last.loss());
    Json.write(run.summary(), summary);
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
