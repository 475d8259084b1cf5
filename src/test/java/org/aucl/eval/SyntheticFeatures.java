package org.aucl.eval;

import java.util.Random;

/** Unit-length feature vectors scattered around one random centre per class, for evaluation tests. */
final class SyntheticFeatures {
  private SyntheticFeatures() {}

  /** {@code n} vectors, labels drawn uniformly from {@code classes}; centres depend only on dim and classes. */
  static Features clustered(int n, int dim, int classes, double noise, long seed) {
    Random rnd = new Random(seed);
    Random centres = new Random(42);
    double[][] c = new double[classes][dim];
    for (double[] row : c) {
      for (int j = 0; j < dim; j++) {
        row[j] = centres.nextGaussian();
      }
    }
    float[] data = new float[n * dim];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rnd.nextInt(classes);
      double[] v = new double[dim];
      double norm = 0;
      for (int j = 0; j < dim; j++) {
        v[j] = c[labels[i]][j] + noise * rnd.nextGaussian();
        norm += v[j] * v[j];
      }
      for (int j = 0; j < dim; j++) {
        data[i * dim + j] = (float) (v[j] / Math.sqrt(norm));
      }
    }
    return new Features(data, n, dim, labels);
  }

  /** The same vectors with their labels permuted at random: no feature says anything about the label. */
  static Features shuffledLabels(Features f, long seed) {
    int[] l = f.labels().clone();
    Random rnd = new Random(seed);
    for (int i = l.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = l[i];
      l[i] = l[j];
      l[j] = t;
    }
    return new Features(f.data(), f.n(), f.dim(), l);
  }
}
