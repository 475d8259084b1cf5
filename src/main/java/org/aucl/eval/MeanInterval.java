package org.aucl.eval;

/**
 * A mean and the half-width of its normal-approximation 95% confidence interval:
 * {@code 1.96 * s / sqrt(n)}, with {@code s} the sample standard deviation (divisor n - 1).
 */
public record MeanInterval(double mean, double halfWidth, int n) {
  public static final double Z95 = 1.96;

  public static MeanInterval of(double[] xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("a mean needs at least one value");
    }
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    double mean = sum / xs.length;
    if (xs.length == 1) {
      return new MeanInterval(mean, Double.NaN, 1);
    }
    double sq = 0;
    for (double x : xs) {
      sq += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(sq / (xs.length - 1));
    return new MeanInterval(mean, Z95 * sd / Math.sqrt(xs.length), xs.length);
  }

  /** Fractions as percent: {@code 72.31 ± 0.84}. */
  public String percent() {
    return String.format("%.2f ± %.2f", 100 * mean, 100 * halfWidth);
  }
}
