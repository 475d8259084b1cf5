package org.aucl.loss;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which views count as negatives of anchor {@code k} among the 2B views of a batch (docs/LOSSES.md,
 * "Notation" and "Presets").
 */
public enum NegativeSet {
  /** Every view except {@code k} and {@code partner(k)}: 2B - 2 per anchor (as in "Notation"; our default). */
  NON_PARTNER("non-partner"),
  /** Every view except {@code k}, the partner included with its plain score: 2B - 1 (official-cifar). */
  ALL_OTHERS("all-others"),
  /** The other B - 1 images of the other view only (imagenet-weighting). */
  OTHER_VIEW("other-view");

  private final String label;

  NegativeSet(String label) {
    this.label = label;
  }

  /** Number of negatives per anchor for a batch of {@code b} images. */
  public int count(int b) {
    return switch (this) {
      case NON_PARTNER -> 2 * b - 2;
      case ALL_OTHERS -> 2 * b - 1;
      case OTHER_VIEW -> b - 1;
    };
  }

  @Override
  public String toString() {
    return label;
  }

  public static NegativeSet parse(String text) {
    for (NegativeSet s : values()) {
      if (s.label.equalsIgnoreCase(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown negative set '" + text + "'; expected one of "
        + Arrays.stream(values()).map(NegativeSet::toString).collect(Collectors.joining(", ")) + ".");
  }
}
