package org.aucl.eval;

/**
 * Per-dimension standardisation {@code (x - mean) / std}, with the mean and standard deviation of the
 * features it was fitted on; a dimension with (near) zero spread is only centred.
 */
public final class Standardizer {
  private static final double MIN_STD = 1e-8;

  private final double[] mean;
  private final double[] std;

  private Standardizer(double[] mean, double[] std) {
    this.mean = mean;
    this.std = std;
  }

  public static Standardizer fit(Features f) {
    int d = f.dim();
    double[] mean = new double[d];
    double[] sq = new double[d];
    float[] x = f.data();
    for (int i = 0; i < f.n(); i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= Math.max(1, f.n());
    }
    for (int i = 0; i < f.n(); i++) {
      for (int j = 0; j < d; j++) {
        double v = x[i * d + j] - mean[j];
        sq[j] += v * v;
      }
    }
    double[] std = new double[d];
    for (int j = 0; j < d; j++) {
      double s = Math.sqrt(sq[j] / Math.max(1, f.n()));
      std[j] = s < MIN_STD ? 1 : s;
    }
    return new Standardizer(mean, std);
  }

  /** The standardised rows of {@code f}, in new arrays. */
  public Features apply(Features f) {
    int d = f.dim();
    float[] out = new float[f.data().length];
    for (int i = 0; i < f.n(); i++) {
      for (int j = 0; j < d; j++) {
        out[i * d + j] = (float) ((f.data()[i * d + j] - mean[j]) / std[j]);
      }
    }
    return new Features(out, f.n(), d, f.labels());
  }
}
