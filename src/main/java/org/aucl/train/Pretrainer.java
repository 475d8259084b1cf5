package org.aucl.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.augment.Augmentation;
import org.aucl.augment.ImageShape;
import org.aucl.augment.PairBatch;
import org.aucl.augment.TwoViewLoader;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.data.Subsets;
import org.aucl.eval.KnnResult;
import org.aucl.loss.ContrastiveObjective;
import org.aucl.loss.Objectives;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.Devices;
import org.aucl.train.optim.LrSchedule;
import org.aucl.train.optim.Optimizers;
import org.aucl.train.optim.ParameterOptimizer;
import org.aucl.util.Json;
import org.aucl.util.UserException;

/**
 * The pretraining loop: two views through encoder and projector, the objective, the optimiser, and
 * every few epochs the kNN monitor; metrics, checkpoints and plots go to the run directory.
 *
 * <p>Resuming: the loader's randomness depends only on (seed, epoch, position), the schedule only on
 * the step, and the checkpoint holds the weights, BatchNorm statistics, optimiser moments and the
 * objective's state, so a resumed run ends with the same weights as an uninterrupted one (CPU).
 */
public final class Pretrainer {
  private static final int PREFETCH = 4;

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
      throw new IllegalArgumentException("--stop-after must be at least 1, got " + epoch + ".");
    }
    this.stopAfterEpoch = epoch;
    return this;
  }

  public RunSummary run() {
    Path dataDir = Path.of(cfg.data().dataDir());
    ImageDataset train = Datasets.open(cfg.data().dataset(), "train", dataDir);
    ImageDataset bank = train;
    if (cfg.data().subset() > 0) {
      train = Subsets.balanced(train, Math.min(cfg.data().subset(), train.size()), cfg.seed());
    }
    ImageShape shape = new ImageShape(train.channels(), train.height(), train.width());
    Augmentation aug = Augmentation.of(cfg.data().preset(), cfg.augment(), shape);
    checkNetMatches(aug);
    int batch = cfg.schedule().batchSize();
    if (batch > train.size()) {
      throw new UserException(
          "--batch-size " + batch + " is larger than the training set (" + train.size() + " images).");
    }
    Device device = Devices.resolve(cfg.device());
    Engine.getInstance().setRandomSeed((int) cfg.seed());

    try (ContrastiveNet net = ContrastiveNet.create(cfg.net(), cfg.seed(), device);
        NDManager state = NDManager.newBaseManager(device);
        ContrastiveObjective objective = Objectives.create(cfg.objective());
        ParameterOptimizer optimizer = Optimizers.create(cfg.optimizer());
        TwoViewLoader loader =
            new TwoViewLoader(train, aug.view1(), aug.view2(), batch, cfg.data().workers(), PREFETCH, cfg.seed())) {
      objective.initialize(state, train.size());
      TrainStep step = new TrainStep(net, objective, optimizer, cfg.twoPassBatchNorm());
      long stepsPerEpoch = loader.batchesPerEpoch();
      long totalSteps = stepsPerEpoch * cfg.schedule().epochs();
      double baseLr = cfg.optimizer().lr();
      LrSchedule schedule =
          new LrSchedule(
              baseLr,
              Math.round(cfg.schedule().warmupEpochs() * stepsPerEpoch),
              totalSteps,
              baseLr * cfg.schedule().floorLrRatio());

      Checkpoints.State at = new Checkpoints.State(0, 0, null, null, 0);
      MetricsLog metrics;
      if (resume) {
        at = Checkpoints.readState(run.lastCheckpoint());
        Checkpoints.load(run.lastCheckpoint(), "model", net::load);
        Checkpoints.load(run.lastCheckpoint(), "optimizer", optimizer::load);
        Checkpoints.load(run.lastCheckpoint(), "objective", objective::load);
        metrics = MetricsLog.resume(run.metrics(), at.epoch());
        out.printf("resuming %s after epoch %d (step %d)%n", run.root(), at.epoch(), at.step());
      } else {
        metrics = MetricsLog.create(run.metrics());
      }
      printModel(net, train);

      KnnMonitor monitor =
          cfg.monitor().knnEvery() == 0
              ? null
              : new KnnMonitor(cfg.monitor(), bank, openSplit("test"), aug.eval(), cfg.seed());
      long globalStep = at.step();
      double elapsedBefore = at.elapsedSeconds();
      long startNanos = System.nanoTime();
      Double best = at.bestKnnTop1();
      Integer bestEpoch = at.bestEpoch();
      int epochs = cfg.schedule().epochs();
      int lastEpoch = Math.min(epochs, stopAfterEpoch);
      if (at.epoch() >= epochs) {
        throw new UserException("the run in " + run.root() + " already finished all " + epochs + " epochs.");
      }
      for (int epoch = at.epoch() + 1; epoch <= lastEpoch; epoch++) {
        long epochStart = System.nanoTime();
        double lossSum = 0;
        double posSum = 0;
        double negSum = 0;
        double aucSum = 0;
        double lr = 0;
        int n = 0;
        try (EpochProgress bar = new EpochProgress("epoch " + epoch + "/" + epochs, stepsPerEpoch, quiet, System.err)) {
          Iterator<PairBatch> it = loader.epoch(epoch);
          while (it.hasNext()) {
            PairBatch b = it.next();
            lr = schedule.lr(globalStep);
            StepResult r = step.run(b, lr);
            if (!Double.isFinite(r.loss())) {
              throw new UserException(
                  "the loss became " + r.loss() + " at epoch " + epoch + ", step " + globalStep
                      + "; lower --lr or check the objective's options.");
            }
            globalStep++;
            n++;
            lossSum += r.loss();
            posSum += r.meanPositive();
            negSum += r.meanNegative();
            aucSum += r.batchAuc();
            double secs = (System.nanoTime() - epochStart) / 1e9;
            bar.step(r.loss(), r.batchAuc(), n * (double) batch / secs);
          }
        }
        double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
        KnnResult knn = cfg.monitor().due(epoch, epochs) ? monitor.evaluate(net, state) : null;
        double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
        double elapsed = elapsedBefore + (System.nanoTime() - startNanos) / 1e9;
        EpochMetrics m =
            new EpochMetrics(
                epoch, globalStep, lossSum / n, posSum / n, negSum / n, aucSum / n, lr,
                knn == null ? null : knn.top1(),
                knn == null || Double.isNaN(knn.top5()) ? null : knn.top5(),
                n * (double) batch / trainSeconds, epochSeconds, elapsed, objective.scalars());
        metrics.append(m);
        boolean improved = knn != null && (best == null || knn.top1() > best);
        if (improved) {
          best = knn.top1();
          bestEpoch = epoch;
        }
        saveCheckpoint(new Checkpoints.State(epoch, globalStep, best, bestEpoch, elapsed), net, optimizer, objective);
        if (improved) {
          run.promoteLastToBest();
        }
        RunPlots.write(run.root(), cfg.objective().loss() + " on " + cfg.data().dataset(), metrics.epochs());
        out.println(EpochLine.format(m, epochs));
      }
      return finish(metrics.epochs(), best, bestEpoch);
    }
  }

  private ImageDataset openSplit(String split) {
    return Datasets.open(cfg.data().dataset(), split, Path.of(cfg.data().dataDir()));
  }

  private void checkNetMatches(Augmentation aug) {
    if (cfg.net().inChannels() != aug.channels() || cfg.net().imageSize() != aug.outputSize()) {
      throw new UserException(
          "the model expects " + cfg.net().inChannels() + "x" + cfg.net().imageSize() + "x" + cfg.net().imageSize()
              + " images but the augmentation makes " + aug.output() + "; set --image-size to match.");
    }
  }

  private void printModel(ContrastiveNet net, ImageDataset train) {
    out.printf(
        "model %s (%s stem, width %.3g): %.2f M parameters (encoder), %.2f M with projector; %.1f MFLOPs per image%n",
        cfg.net().arch(), cfg.net().stem(), cfg.net().width(), net.parameterCount(false) / 1e6,
        net.parameterCount(true) / 1e6, net.flopsPerImage(true) / 1e6);
    out.printf(
        "data %s: %d training images, batch %d, %d epochs; objective %s; device %s%n",
        cfg.data().dataset(), train.size(), cfg.schedule().batchSize(), cfg.schedule().epochs(),
        cfg.objective().loss(), net.device());
  }

  private void saveCheckpoint(
      Checkpoints.State s, ContrastiveNet net, ParameterOptimizer optimizer, ContrastiveObjective objective) {
    Map<String, Checkpoints.PartWriter> parts = new LinkedHashMap<>();
    parts.put("model", net::save);
    parts.put("optimizer", optimizer::save);
    parts.put("objective", objective::save);
    Checkpoints.save(run.lastCheckpoint(), s, parts);
  }

  private RunSummary finish(List<EpochMetrics> epochs, Double best, Integer bestEpoch) {
    EpochMetrics last = epochs.get(epochs.size() - 1);
    double imagesPerSecond = epochs.stream().mapToDouble(EpochMetrics::imagesPerSecond).average().orElse(0);
    RunSummary summary =
        new RunSummary(
            run.root().toString(), last.epoch(), last.knnTop1(), best, bestEpoch, last.elapsedSeconds(),
            imagesPerSecond, last.loss());
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
