package org.aucl.sweep;

import java.util.List;
import org.aucl.loss.Objectives;

/**
 * A sweep's grid and rules (docs/PRETRAINING.md, "Sweeps").
 *
 * @param objectives objective names as given (aliases allowed)
 * @param batchSizes the batch sizes, each run with every objective and seed
 * @param seeds seeds 1 to this
 * @param budget what is held equal across batch sizes
 * @param lrRule how the learning rate scales with the batch size
 * @param referenceBatch the batch at which the pass-through learning rate and epochs hold (R in the
 *     formulas of {@link LrRule} and {@link Budget})
 * @param linear run the linear probe at the end of each run
 */
public record SweepSettings(
    List<String> objectives, List<Integer> batchSizes, int seeds, Budget budget, LrRule lrRule, int referenceBatch,
    boolean linear) {

  /**
   * The reference batch of every study in docs/RESULTS.md (the default job's batch when they were run;
   * fixed, so that their commands keep their meaning when the default job changes).
   */
  public static final int REFERENCE_BATCH = 128;

  /**
   * The batch-size study (docs/PRETRAINING.md, "The batch-size study"): every objective, batch sizes 32
   * to 512, 3 seeds, equal epochs, a fixed learning rate (as the authors' AdamW setting implies),
   * {@link #REFERENCE_BATCH} as the reference, no linear probe.
   */
  public static SweepSettings defaults() {
    return new SweepSettings(Objectives.names(), List.of(32, 64, 128, 256, 512), 3, Budget.EPOCHS, LrRule.FIXED,
        REFERENCE_BATCH, false);
  }
}
