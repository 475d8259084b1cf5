package org.aucl.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aucl.util.UserException;

/**
 * What a sweep holds equal across batch sizes (docs/PRETRAINING.md, "Sweeps"). A run over N images at
 * batch B takes floor(N / B) steps per epoch (the last, incomplete batch is dropped).
 *
 * <ul>
 *   <li>{@code epochs}: every run takes E epochs, so small batches take more steps;
 *   <li>{@code steps}: every run takes about S = E floor(N / R) steps, the steps of E epochs at the
 *       reference batch R: round(S / floor(N / B)) epochs (at least 1), since runs end at epoch ends.
 * </ul>
 */
public enum Budget {
  EPOCHS("epochs"),
  STEPS("steps");

  private final String label;

  Budget(String label) {
    this.label = label;
  }

  /** Steps of one epoch over {@code images} at batch {@code batch}. */
  public static long stepsPerEpoch(int images, int batch) {
    return images / batch;
  }

  /**
   * The epochs of a run at batch {@code batch} over {@code images} images, for a sweep of {@code epochs}
   * epochs at the reference batch {@code reference}.
   */
  public int epochs(int epochs, int images, int batch, int reference) {
    if (this == EPOCHS) {
      return epochs;
    }
    long budget = epochs * stepsPerEpoch(images, reference);
    return (int) Math.max(1, Math.round((double) budget / stepsPerEpoch(images, batch)));
  }

  public static Budget parse(String text) {
    for (Budget b : values()) {
      if (b.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return b;
      }
    }
    throw new UserException("unknown --budget '" + text + "': expected one of " + String.join(", ", names()) + ".");
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Budget::toString).toList();
  }

  @Override
  public String toString() {
    return label;
  }
}
