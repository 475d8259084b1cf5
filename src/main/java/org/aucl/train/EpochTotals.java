package org.aucl.train;

import java.util.Map;
import org.aucl.eval.KnnResult;
import org.aucl.method.StepResult;

/** One epoch's accounting: sums of the steps' reports, turned into the epoch's metrics line. */
final class EpochTotals {
  private final int epoch;
  private final int batchSize;
  private final long startNanos = System.nanoTime();
  private double loss;
  private double positive;
  private double negative;
  private double auc;
  private double lastLr;
  private int steps;
  private double trainSeconds;

  EpochTotals(int epoch, int batchSize) {
    this.epoch = epoch;
    this.batchSize = batchSize;
  }

  void add(StepResult r, double lr) {
    steps++;
    loss += r.loss();
    positive += r.meanPositive();
    negative += r.meanNegative();
    auc += r.batchAuc();
    lastLr = lr;
  }

  int steps() {
    return steps;
  }

  /** Images per second since the epoch began. */
  double imagesPerSecond() {
    return steps * (double) batchSize / secondsSinceStart();
  }

  /** Marks the end of the training part of the epoch (the monitor's time is not throughput). */
  void endTraining() {
    trainSeconds = secondsSinceStart();
  }

  EpochMetrics metrics(long globalStep, KnnResult knn, double elapsed, Map<String, Double> scalars) {
    return new EpochMetrics(
        epoch, globalStep, loss / steps, positive / steps, negative / steps, auc / steps, lastLr,
        knn == null ? null : knn.top1(),
        knn == null || Double.isNaN(knn.top5()) ? null : knn.top5(),
        steps * (double) batchSize / trainSeconds, secondsSinceStart(), elapsed, scalars);
  }

  private double secondsSinceStart() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
