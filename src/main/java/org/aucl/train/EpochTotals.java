package org.aucl.train;

import java.util.Map;
import org.aucl.eval.KnnResult;
import org.aucl.method.StepResult;
import org.aucl.run.EpochMetrics;
import org.aucl.run.EpochPartial;

/**
 * One epoch's accounting: sums of the steps' reports, turned into the epoch's metrics line. A
 * mid-epoch checkpoint saves the sums ({@link EpochPartial}) so that a resumed epoch reports what an
 * uninterrupted one would (its speed figures excepted).
 */
final class EpochTotals {
  private final int epoch;
  private final int batchSize;
  private final long startNanos = System.nanoTime();
  private final int stepsBefore;
  private EpochPartial sums;
  private double trainSeconds;

  EpochTotals(int epoch, int batchSize, EpochPartial resumed) {
    this.epoch = epoch;
    this.batchSize = batchSize;
    this.sums = resumed != null ? resumed : new EpochPartial(0, 0, 0, 0, 0, 0, 0);
    this.stepsBefore = sums.steps() + sums.skipped();
  }

  void add(StepResult r, double lr) {
    EpochPartial s = sums;
    sums = new EpochPartial(s.steps() + 1, s.skipped(), s.loss() + r.loss(), s.positive() + r.meanPositive(),
        s.negative() + r.meanNegative(), s.auc() + r.batchAuc(), lr);
  }

  /** A step whose loss or gradient was not finite, skipped under {@code --on-nan skip}. */
  void skip() {
    EpochPartial s = sums;
    sums = new EpochPartial(s.steps(), s.skipped() + 1, s.loss(), s.positive(), s.negative(), s.auc(), s.lastLr());
  }

  /** Batches consumed in this epoch, skipped ones included. */
  int batches() {
    return sums.steps() + sums.skipped();
  }

  EpochPartial partial() {
    return sums;
  }

  /** Images per second since this invocation began the epoch. */
  double imagesPerSecond() {
    return (batches() - stepsBefore) * (double) batchSize / secondsSinceStart();
  }

  /** Marks the end of the training part of the epoch (the monitor's time is not throughput). */
  void endTraining() {
    trainSeconds = secondsSinceStart();
  }

  EpochMetrics metrics(long globalStep, KnnResult knn, double elapsed, Map<String, Double> scalars) {
    int n = Math.max(sums.steps(), 1);
    return new EpochMetrics(
        epoch, globalStep, sums.loss() / n, sums.positive() / n, sums.negative() / n, sums.auc() / n, sums.lastLr(),
        knn == null ? null : knn.top1(),
        knn == null || Double.isNaN(knn.top5()) ? null : knn.top5(),
        (batches() - stepsBefore) * (double) batchSize / trainSeconds, secondsSinceStart(), elapsed, scalars,
        sums.skipped() == 0 ? null : sums.skipped());
  }

  private double secondsSinceStart() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
