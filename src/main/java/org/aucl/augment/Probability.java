package org.aucl.augment;

/** Validation of probabilities and non-negative strengths for the transforms' constructors. */
final class Probability {
  private Probability() {}

  static double check(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], got " + p + ".");
    }
    return p;
  }

  static double nonNegative(double x, String what) {
    if (!(x >= 0) || Double.isInfinite(x)) {
      throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + x + ".");
    }
    return x;
  }
}
