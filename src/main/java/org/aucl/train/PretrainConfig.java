package org.aucl.train;

import org.aucl.augment.AugmentConfig;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.model.NetConfig;
import org.aucl.train.optim.OptimizerConfig;

/**
 * Everything a pretraining run needs, written in full to config.json so that the run can be rerun
 * or resumed from it alone.
 *
 * @param twoPassBatchNorm true: the two views go through BatchNorm in separate passes (the authors'
 *     code), so each view is normalised with its own batch statistics; false: one pass on the 2B views
 * @param device auto, cpu or gpu
 */
public record PretrainConfig(
    Data data,
    AugmentConfig augment,
    NetConfig net,
    ObjectiveConfig objective,
    OptimizerConfig optimizer,
    Schedule schedule,
    Monitor monitor,
    boolean twoPassBatchNorm,
    String device,
    long seed) {

  /**
   * Where the images come from.
   *
   * @param subset 0 for the whole training split, else a class-balanced subset of that many images
   * @param preset the augmentation preset the {@code augment} settings started from
   * @param workers loader threads
   */
  public record Data(String dataset, String dataDir, int subset, String preset, int workers) {
    public Data {
      if (subset < 0) {
        throw new IllegalArgumentException("--subset must be >= 0 (0 = the whole split), got " + subset + ".");
      }
      if (workers < 1) {
        throw new IllegalArgumentException("--workers must be at least 1, got " + workers + ".");
      }
    }
  }

  /**
   * How long and at which rate.
   *
   * @param warmupEpochs linear warm-up length in epochs (fractions allowed)
   * @param floorLrRatio the cosine decay ends at base lr times this
   */
  public record Schedule(int epochs, int batchSize, double warmupEpochs, double floorLrRatio) {
    public Schedule {
      if (epochs < 1) {
        throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs + ".");
      }
      if (batchSize < 2) {
        throw new IllegalArgumentException("--batch-size must be at least 2 (contrastive losses need negatives), got " + batchSize + ".");
      }
      if (warmupEpochs < 0 || warmupEpochs > epochs) {
        throw new IllegalArgumentException("--warmup-epochs must be in [0, epochs], got " + warmupEpochs + ".");
      }
      if (floorLrRatio < 0 || floorLrRatio > 1) {
        throw new IllegalArgumentException("--min-lr-ratio must be in [0, 1], got " + floorLrRatio + ".");
      }
    }
  }

  /**
   * The kNN monitor (spec section 5).
   *
   * @param knnEvery run the monitor every this many epochs (and after the last); 0 turns it off
   * @param knnTemperature 0 weighs votes by similarity, else by exp(sim / t)
   * @param knnBank 0 uses the whole training split as the bank, else a class-balanced subset
   */
  public record Monitor(int knnK, int knnEvery, double knnTemperature, int knnBank) {
    public Monitor {
      if (knnK < 1) {
        throw new IllegalArgumentException("--knn-k must be at least 1, got " + knnK + ".");
      }
      if (knnEvery < 0 || knnBank < 0 || knnTemperature < 0) {
        throw new IllegalArgumentException("--knn-every, --knn-bank and --knn-temperature must be >= 0.");
      }
    }

    boolean due(int epoch, int lastEpoch) {
      return knnEvery > 0 && (epoch % knnEvery == 0 || epoch == lastEpoch);
    }
  }
}
