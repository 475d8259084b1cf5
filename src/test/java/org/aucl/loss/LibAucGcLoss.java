package org.aucl.loss;

/**
 * A literal plain-double transcription of LibAUC's {@code GCLoss_v1.forward} (unimodal SogCLR; one
 * process, constant gamma schedule, {@code adjust_gamma} never called, so its {@code self.gamma} stays 1
 * and the batch rule below decides), written from LibAUC's Python line by line and sharing nothing with
 * {@link SogClrObjective}. Variable names follow LibAUC's.
 */
final class LibAucGcLoss {
  static final double LARGE_NUM = 1e9;
  static final double EPS = 1e-8;

  final double tau;
  final double gammaMin;
  final double[] u;

  /** What one forward computed: the loss, the detached weights, the per-view estimates, gamma. */
  record Step(double loss, double[][] weights1, double[][] weights2, double[] u1, double[] u2, double gamma) {}

  LibAucGcLoss(int n, double tau, double gamma) {
    this.tau = tau;
    this.gammaMin = gamma;
    this.u = new double[n];
  }

  /** One forward, updating u as LibAUC does (inside forward). */
  Step forward(double[][] z1, double[][] z2, long[] index) {
    int batchSize = z1.length;
    double[][] hidden1 = normalizeRows(z1);
    double[][] hidden2 = normalizeRows(z2);
    double[][] logitsAbAa = concatLogits(hidden1, hidden2, hidden1);
    double[][] logitsBaBb = concatLogits(hidden2, hidden1, hidden2);

    double uSum = 0;
    for (long i : index) {
      uSum += u[(int) i];
    }
    double gamma = uSum == 0 ? 1.0 : gammaMin;

    double[][] negLogits1 = negLogits(logitsAbAa);
    double[][] negLogits2 = negLogits(logitsBaBb);
    double[] u1 = new double[batchSize];
    double[] u2 = new double[batchSize];
    for (int i = 0; i < batchSize; i++) {
      u1[i] = (1 - gamma) * u[(int) index[i]] + gamma * rowSum(negLogits1[i]) / (2 * (batchSize - 1));
      u2[i] = (1 - gamma) * u[(int) index[i]] + gamma * rowSum(negLogits2[i]) / (2 * (batchSize - 1));
    }
    for (int i = 0; i < batchSize; i++) {
      u[(int) index[i]] = (u1[i] + u2[i]) / 2;
    }
    double[][] w1 = new double[batchSize][2 * batchSize];
    double[][] w2 = new double[batchSize][2 * batchSize];
    for (int i = 0; i < batchSize; i++) {
      for (int c = 0; c < 2 * batchSize; c++) {
        w1[i][c] = negLogits1[i][c] / Math.max(u1[i], EPS);
        w2[i][c] = negLogits2[i][c] / Math.max(u2[i], EPS);
      }
    }
    return new Step(lossWithWeights(z1, z2, w1, w2), w1, w2, u1, u2, gamma);
  }

  /** LibAUC's {@code (loss_a + loss_b).mean()} for given (detached) weights: a function of z1, z2 alone. */
  static double lossWithWeights(double[][] z1, double[][] z2, double[][] w1, double[][] w2) {
    int batchSize = z1.length;
    double[][] hidden1 = normalizeRows(z1);
    double[][] hidden2 = normalizeRows(z2);
    double[][] logitsAbAa = concatLogits(hidden1, hidden2, hidden1);
    double[][] logitsBaBb = concatLogits(hidden2, hidden1, hidden2);
    double total = 0;
    for (int i = 0; i < batchSize; i++) {
      total += softmaxCrossEntropyWithLogits(i, logitsAbAa[i], w1[i]) + softmaxCrossEntropyWithLogits(i, logitsBaBb[i], w2[i]);
    }
    return total / batchSize;
  }

  /** -sum(labels * (logits - sum(weights * logits) / (2 (B - 1)))), labels one-hot at column i. */
  private static double softmaxCrossEntropyWithLogits(int i, double[] logits, double[] weights) {
    int batchSize = logits.length / 2;
    double expsum = 0;
    for (int c = 0; c < logits.length; c++) {
      expsum += weights[c] * logits[c];
    }
    expsum /= 2 * (batchSize - 1);
    return -(logits[i] - expsum);
  }

  /** [a b^T, a c^T - LARGE_NUM I]: logits_ab then logits_aa (self masked) for view a's anchors. */
  private static double[][] concatLogits(double[][] a, double[][] b, double[][] c) {
    int batchSize = a.length;
    double[][] out = new double[batchSize][2 * batchSize];
    for (int i = 0; i < batchSize; i++) {
      for (int j = 0; j < batchSize; j++) {
        out[i][j] = Reference.dot(a[i], b[j]);
        out[i][batchSize + j] = Reference.dot(a[i], c[j]) - (i == j ? LARGE_NUM : 0);
      }
    }
    return out;
  }

  /** exp(logits / tau) * neg_mask, neg_mask = 1 - labels (the positive at column i removed). */
  private double[][] negLogits(double[][] logits) {
    double[][] out = new double[logits.length][logits[0].length];
    for (int i = 0; i < logits.length; i++) {
      for (int c = 0; c < logits[0].length; c++) {
        out[i][c] = Math.exp(logits[i][c] / tau) * (c == i ? 0 : 1);
      }
    }
    return out;
  }

  private static double rowSum(double[] row) {
    double s = 0;
    for (double v : row) {
      s += v;
    }
    return s;
  }

  private static double[][] normalizeRows(double[][] z) {
    double[][] out = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      out[i] = Reference.normalise(z[i]);
    }
    return out;
  }
}
