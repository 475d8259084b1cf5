package org.aucl.loss;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How AUC-CL reduces the negative term of one anchor over its negatives; the result is multiplied by
 * the negative weight {@code w} and averaged over anchors (docs/LOSSES.md, "AUC-CL").
 */
public enum NegativeReduction {
  /** Mean over the anchor's negatives: does not grow with B (default preset). */
  MEAN("mean"),
  /** Sum over the anchor's negatives (official-cifar, with w = 1). */
  SUM("sum"),
  /** Sum over the anchor's negatives divided by B (imagenet-weighting: w = 32 gives 32 / B times the sum). */
  SUM_OVER_BATCH("sum-over-batch");

  private final String label;

  NegativeReduction(String label) {
    this.label = label;
  }

  /** The factor that multiplies the per-anchor sum, before {@code w}. */
  public double factor(int negativesPerAnchor, int batchSize) {
    return switch (this) {
      case MEAN -> 1.0 / negativesPerAnchor;
      case SUM -> 1.0;
      case SUM_OVER_BATCH -> 1.0 / batchSize;
    };
  }

  @Override
  public String toString() {
    return label;
  }

  public static NegativeReduction parse(String text) {
    for (NegativeReduction r : values()) {
      if (r.label.equalsIgnoreCase(text)) {
        return r;
      }
    }
    throw new IllegalArgumentException("Unknown negative reduction '" + text + "'; expected one of "
        + Arrays.stream(values()).map(NegativeReduction::toString).collect(Collectors.joining(", ")) + ".");
  }
}
