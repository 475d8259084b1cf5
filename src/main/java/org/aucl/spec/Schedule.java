package org.aucl.spec;

/**
 * How long and at which rate.
 *
 * @param epochs passes over the training images
 * @param batchSize images per step (two views each)
 * @param warmupEpochs linear warm-up length in epochs (fractions allowed)
 * @param floorLrRatio the cosine decay ends at base lr times this
 */
public record Schedule(int epochs, int batchSize, double warmupEpochs, double floorLrRatio) {
  public static final int DEFAULT_EPOCHS = 5;
  public static final int DEFAULT_BATCH_SIZE = 64;
  public static final double DEFAULT_WARMUP_EPOCHS = 0.5;
  public static final double DEFAULT_FLOOR_LR_RATIO = 0.0;

  public Schedule {
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs + ".");
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException("--batch-size must be at least 2 (contrastive losses need negatives), got " + batchSize + ".");
    }
    if (!(warmupEpochs >= 0 && warmupEpochs <= epochs)) {
      throw new IllegalArgumentException("--warmup-epochs must be in [0, epochs], got " + warmupEpochs + ".");
    }
    if (!(floorLrRatio >= 0 && floorLrRatio <= 1)) {
      throw new IllegalArgumentException("--min-lr-ratio must be in [0, 1], got " + floorLrRatio + ".");
    }
  }

  /** The default job's: 5 epochs at batch 64, half an epoch of warm-up, cosine to 0. */
  public static Schedule defaults() {
    return new Schedule(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_WARMUP_EPOCHS, DEFAULT_FLOOR_LR_RATIO);
  }

  public Schedule withEpochs(int e) {
    return new Schedule(e, batchSize, warmupEpochs, floorLrRatio);
  }

  public Schedule withBatchSize(int b) {
    return new Schedule(epochs, b, warmupEpochs, floorLrRatio);
  }

  public Schedule withWarmupEpochs(double w) {
    return new Schedule(epochs, batchSize, w, floorLrRatio);
  }

  public Schedule withFloorLrRatio(double r) {
    return new Schedule(epochs, batchSize, warmupEpochs, r);
  }
}
