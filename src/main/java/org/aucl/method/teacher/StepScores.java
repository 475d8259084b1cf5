package org.aucl.method.teacher;

/**
 * The step diagnostics of the teacher-student method, from the score matrix S (N x N, row i the
 * teacher's image i, column j the student's image j) of one (teacher view, student view) pair: the mean
 * positive score (diagonal), the mean negative score (off the diagonal) and the batch AUC, the fraction
 * of (i, j != i) in which S_ii exceeds S_ij (ties count one half).
 */
record StepScores(double meanPositive, double meanNegative, double batchAuc) {

  /** The diagnostics of {@code s}, N x N in row-major order. */
  static StepScores of(float[] s, int n) {
    if (n < 2 || s.length != n * n) {
      throw new IllegalArgumentException("Expected an N x N score matrix with N >= 2, got " + s.length + " values for N = " + n + ".");
    }
    double pos = 0;
    double neg = 0;
    double wins = 0;
    for (int i = 0; i < n; i++) {
      float p = s[i * n + i];
      pos += p;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          float q = s[i * n + j];
          neg += q;
          wins += p > q ? 1 : p == q ? 0.5 : 0;
        }
      }
    }
    double pairs = (double) n * (n - 1);
    return new StepScores(pos / n, neg / pairs, wins / pairs);
  }
}
