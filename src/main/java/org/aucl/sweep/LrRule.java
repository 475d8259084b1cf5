package org.aucl.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aucl.util.UserException;

/**
 * How a sweep scales the learning rate with the batch size B against a reference batch R
 * (docs/PRETRAINING.md, "Sweeps"): {@code fixed} lr, {@code linear} lr B / R (Goyal et al.),
 * {@code sqrt} lr sqrt(B / R) (the rule often used for Adam-type optimisers).
 */
public enum LrRule {
  FIXED("fixed"),
  LINEAR("linear"),
  SQRT("sqrt");

  private final String label;

  LrRule(String label) {
    this.label = label;
  }

  /** The rate of a run at batch {@code batch}, given the rate {@code lr} at batch {@code reference}. */
  public double scale(double lr, int batch, int reference) {
    double ratio = (double) batch / reference;
    return switch (this) {
      case FIXED -> lr;
      case LINEAR -> lr * ratio;
      case SQRT -> lr * Math.sqrt(ratio);
    };
  }

  public static LrRule parse(String text) {
    for (LrRule r : values()) {
      if (r.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new UserException("unknown --lr-rule '" + text + "': expected one of " + String.join(", ", names()) + ".");
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(LrRule::toString).toList();
  }

  @Override
  public String toString() {
    return label;
  }
}
