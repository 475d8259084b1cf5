package org.aucl.sweep;

import java.util.List;

/** Mean and sample standard deviation (n - 1; NaN below two values) of one table cell's seeds. */
record Stats(double mean, double sd, int n) {
  static Stats of(List<Double> values) {
    int n = values.size();
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    if (n < 2) {
      return new Stats(mean, Double.NaN, n);
    }
    double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new Stats(mean, Math.sqrt(ss / (n - 1)), n);
  }
}
