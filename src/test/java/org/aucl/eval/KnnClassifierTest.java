package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KnnClassifierTest {

  /** Random unit vectors around one centre per class, so neighbours mostly share labels. */
  private static Features clustered(int n, int dim, int classes, double noise, long seed) {
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
      double norm = 0;
      double[] v = new double[dim];
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

  /** Independent reference: full sort of similarities per query, weighted votes in doubles. */
  private static double[] reference(Features bank, Features q, int k, double t, int classes) {
    return reference(bank, q, k, t, classes, false);
  }

  private static double[] reference(Features bank, Features q, int k, double t, int classes, boolean shifted) {
    int c1 = 0;
    int c5 = 0;
    for (int i = 0; i < q.n(); i++) {
      double[] sims = new double[bank.n()];
      Integer[] order = new Integer[bank.n()];
      for (int j = 0; j < bank.n(); j++) {
        double s = 0;
        for (int d = 0; d < q.dim(); d++) {
          s += (double) q.data()[i * q.dim() + d] * bank.data()[j * bank.dim() + d];
        }
        sims[j] = s;
        order[j] = j;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
      double[] votes = new double[classes];
      for (int r = 0; r < k; r++) {
        int j = order[r];
        votes[bank.labels()[j]] += t > 0 ? Math.exp(sims[j] / t) : shifted ? (1 + sims[j]) / 2 : sims[j];
      }
      Integer[] cls = new Integer[classes];
      for (int c = 0; c < classes; c++) {
        cls[c] = c;
      }
      java.util.Arrays.sort(cls, (a, b) -> Double.compare(votes[b], votes[a]));
      if (cls[0] == q.labels()[i]) {
        c1++;
      }
      for (int r = 0; r < Math.min(5, classes); r++) {
        if (cls[r] == q.labels()[i]) {
          c5++;
        }
      }
    }
    return new double[] {c1 / (double) q.n(), c5 / (double) q.n()};
  }

  @Test
  void matchesPlainReferenceWithSimilarityAndExpWeights() {
    Features bank = clustered(600, 16, 10, 1.5, 1);
    Features queries = clustered(300, 16, 10, 1.5, 2);
    try (NDManager m = NDManager.newBaseManager()) {
      for (double t : new double[] {0, 0.07}) {
        KnnResult got = new KnnClassifier(20, t).evaluate(m, bank, queries);
        double[] want = reference(bank, queries, 20, t, 10);
        assertEquals(want[0], got.top1(), 1.0 / 300 + 1e-9, "top1 at t=" + t);
        assertEquals(want[1], got.top5(), 1.0 / 300 + 1e-9, "top5 at t=" + t);
        assertTrue(got.top1() > 0.3 && got.top1() < 1.0, "the test data should be neither trivial nor hopeless");
      }
    }
  }

  @Test
  void separatedClustersAreClassifiedPerfectlyAndKIsClippedToTheBank() {
    Features bank = clustered(50, 8, 3, 0.01, 3);
    Features queries = clustered(40, 8, 3, 0.01, 4);
    try (NDManager m = NDManager.newBaseManager()) {
      KnnResult r = new KnnClassifier(200, 0).evaluate(m, bank, queries);
      assertEquals(50, r.k());
      assertEquals(1.0, r.top1(), 1e-12);
      assertTrue(Double.isNaN(r.top5()), "top5 is undefined with 3 classes");
    }
  }

  @Test
  void shiftedCosineVotesMatchTheReferenceAndDifferFromPlainSimilarity() {
    // many neighbours, so that some have negative similarity: where the two weightings part
    Features bank = clustered(600, 16, 10, 3.0, 5);
    Features queries = clustered(300, 16, 10, 3.0, 6);
    try (NDManager m = NDManager.newBaseManager()) {
      KnnResult got = new KnnClassifier(400, 0, KnnWeighting.SHIFTED_COSINE).evaluate(m, bank, queries);
      double[] want = reference(bank, queries, 400, 0, 10, true);
      assertEquals(want[0], got.top1(), 1.0 / 300 + 1e-9);
      assertEquals(want[1], got.top5(), 1.0 / 300 + 1e-9);
      double plain = reference(bank, queries, 400, 0, 10, false)[0];
      assertTrue(Math.abs(plain - want[0]) > 1.5 / 300, "the data should tell the weightings apart: " + plain + " vs " + want[0]);
    }
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThrows(IllegalArgumentException.class, () -> new KnnClassifier(5, 0.1, KnnWeighting.SHIFTED_COSINE));
    assertThrows(IllegalArgumentException.class, () -> KnnWeighting.parse("cosine"));
    assertThrows(IllegalArgumentException.class, () -> new KnnClassifier(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new KnnClassifier(5, -1));
  }
}
