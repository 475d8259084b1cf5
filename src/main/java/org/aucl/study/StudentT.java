package org.aucl.study;

/** The 97.5% quantile of Student's t distribution: the factor of a two-sided 95% interval of a mean. */
public final class StudentT {
  /** t(0.975, df) for df = 1..30 (standard tables). */
  private static final double[] TABLE = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  private static final double Z = 1.959964;

  private StudentT() {}

  /** t(0.975, df); beyond the table, the Cornish-Fisher expansion in 1/df (error below 1e-4 there). */
  public static double quantile975(int df) {
    if (df < 1) {
      throw new IllegalArgumentException("Student's t needs at least one degree of freedom, got " + df + ".");
    }
    if (df <= TABLE.length) {
      return TABLE[df - 1];
    }
    double z3 = Z * Z * Z;
    double z5 = z3 * Z * Z;
    return Z + (z3 + Z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * Z) / (96.0 * df * df);
  }

  /**
   * The mean of {@code xs} and the half-width of its 95% t-interval ({@code t * s / sqrt(n)}); NaN
   * half-width for a single value.
   */
  public static double[] interval(double[] xs) {
    double mean = 0;
    for (double x : xs) {
      mean += x;
    }
    mean /= xs.length;
    if (xs.length < 2) {
      return new double[] {mean, Double.NaN};
    }
    double sq = 0;
    for (double x : xs) {
      sq += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(sq / (xs.length - 1));
    return new double[] {mean, quantile975(xs.length - 1) * sd / Math.sqrt(xs.length)};
  }
}
