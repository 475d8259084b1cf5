package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * What an objective returns for one step: the loss, and its detached statistics still on the device,
 * so that a training step reads them together with its own numbers in one transfer (on a GPU every
 * read waits for the whole step so far). Whoever reads first hands the host values back with
 * {@link #supply}; the accessors read the device only if nobody did.
 */
public final class ObjectiveOutput {
  /** Index of the mean positive score in {@link #statistics()}. */
  public static final int MEAN_POSITIVE = 0;
  /** Index of the mean negative score. */
  public static final int MEAN_NEGATIVE = 1;
  /** Index of the batch AUC. */
  public static final int BATCH_AUC = 2;
  /** Statistics every objective reports; an objective's own values follow them. */
  public static final int COMMON = 3;

  private final NDArray loss;
  private final NDArray statistics;
  private double[] values;

  /**
   * @param loss the scalar to back-propagate (differentiable with respect to the embeddings and to the
   *     objective's minimised variables)
   * @param statistics 1-D float64, detached: mean positive score, mean negative score, the fraction of
   *     (positive, negative) pairs of the same anchor ordered correctly (batch AUC), then the
   *     objective's own values
   */
  public ObjectiveOutput(NDArray loss, NDArray statistics) {
    if (statistics.getDataType() != DataType.FLOAT64 || statistics.getShape().dimension() != 1
        || statistics.size() < COMMON) {
      throw new IllegalArgumentException("objective statistics must be a float64 vector of at least " + COMMON
          + " values, got " + statistics.getDataType() + " " + statistics.getShape() + ".");
    }
    this.loss = loss;
    this.statistics = statistics;
  }

  public NDArray loss() {
    return loss;
  }

  /** The statistics on the device, for a caller that reads them with other numbers. */
  public NDArray statistics() {
    return statistics;
  }

  /** Hands over the host values of {@link #statistics()} read by the caller. */
  public void supply(double[] read) {
    if (read.length != statistics.size()) {
      throw new IllegalArgumentException("expected " + statistics.size() + " statistics, got " + read.length + ".");
    }
    values = read.clone();
  }

  /** The statistics on the host (read from the device now if nobody supplied them). */
  public double[] values() {
    if (values == null) {
      values = statistics.toDoubleArray();
    }
    return values;
  }

  public double meanPositive() {
    return values()[MEAN_POSITIVE];
  }

  public double meanNegative() {
    return values()[MEAN_NEGATIVE];
  }

  public double batchAuc() {
    return values()[BATCH_AUC];
  }
}
