package org.aucl.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Weighted kNN on L2-normalised features (docs/PRETRAINING.md, the authors' per-epoch monitor).
 *
 * <p>For each query take the {@code k} bank features of highest cosine similarity; each votes for
 * its label with weight equal to the similarity (or {@code (1 + sim) / 2}, {@link KnnWeighting}), or
 * {@code exp(sim / temperature)} when a temperature is given. Queries are processed in chunks sized so that memory stays bounded whatever
 * k and the bank size.
 */
public final class KnnClassifier {
  private static final int CHUNK = 256;
  /** Floats of the largest intermediate of a chunk (its one-hot votes): 32 M, 128 MB. */
  private static final long CHUNK_FLOATS = 32L << 20;

  private final int k;
  private final double temperature;
  private final KnnWeighting weighting;

  /**
   * @param k neighbours per query (clipped to the bank size)
   * @param temperature 0 for plain similarity weights, else the temperature of exp(sim / t)
   */
  public KnnClassifier(int k, double temperature) {
    this(k, temperature, KnnWeighting.SIMILARITY);
  }

  /**
   * @param weighting the weight of a vote when {@code temperature} is 0; with a temperature only
   *     {@link KnnWeighting#SIMILARITY} is accepted, so that a setting never goes silently unused
   */
  public KnnClassifier(int k, double temperature, KnnWeighting weighting) {
    if (k < 1) {
      throw new IllegalArgumentException("kNN needs k >= 1, got " + k + ".");
    }
    if (temperature < 0) {
      throw new IllegalArgumentException("kNN temperature must be >= 0, got " + temperature + ".");
    }
    if (temperature > 0 && weighting != KnnWeighting.SIMILARITY) {
      throw new IllegalArgumentException(
          "kNN weighting " + weighting + " cannot be combined with a temperature (" + temperature + "), which weighs by exp(sim / t).");
    }
    this.k = k;
    this.temperature = temperature;
    this.weighting = weighting;
  }

  public KnnResult evaluate(NDManager parent, Features bank, Features queries) {
    if (bank.dim() != queries.dim()) {
      throw new IllegalArgumentException("bank features have " + bank.dim() + " dimensions, queries " + queries.dim());
    }
    int classes = Math.max(bank.numClasses(), queries.numClasses());
    if (classes < 1 || bank.n() == 0) {
      throw new IllegalArgumentException("kNN needs a labelled, non-empty bank.");
    }
    int kk = Math.min(k, bank.n());
    // Memory stays bounded whatever k: a chunk's votes are rows x k x classes floats.
    int chunkRows = (int) Math.max(1, Math.min(CHUNK, CHUNK_FLOATS / ((long) kk * classes)));
    long correct1 = 0;
    long correct5 = 0;
    try (NDManager m = parent.newSubManager()) {
      NDArray bankT = m.create(bank.data(), new Shape(bank.n(), bank.dim())).transpose();
      NDArray bankLabels = m.create(bank.labels()).toType(DataType.INT64, false);
      for (int start = 0; start < queries.n(); start += chunkRows) {
        int rows = Math.min(chunkRows, queries.n() - start);
        try (NDManager step = m.newSubManager()) {
          float[] chunk = new float[rows * queries.dim()];
          System.arraycopy(queries.data(), start * queries.dim(), chunk, 0, chunk.length);
          NDArray q = step.create(chunk, new Shape(rows, queries.dim()));
          NDArray sim = q.matMul(bankT);
          NDList top = sim.topK(kk, 1, true, false);
          NDArray weights = weights(top.get(0));
          NDArray neighbourLabels = bankLabels.get(top.get(1).flatten()).reshape(rows, kk);
          NDArray votes = neighbourLabels.oneHot(classes).mul(weights.expandDims(2)).sum(new int[] {1});
          long[] ranked = votes.argSort(1, false).toType(DataType.INT64, false).toLongArray();
          for (int r = 0; r < rows; r++) {
            int truth = queries.labels()[start + r];
            if (ranked[r * classes] == truth) {
              correct1++;
            }
            for (int j = 0; j < Math.min(5, classes); j++) {
              if (ranked[r * classes + j] == truth) {
                correct5++;
                break;
              }
            }
          }
        }
      }
    }
    double n = queries.n();
    return new KnnResult(correct1 / n, classes > 5 ? correct5 / n : Double.NaN, kk, queries.n());
  }

  private NDArray weights(NDArray sim) {
    if (temperature > 0) {
      return sim.div(temperature).exp();
    }
    return weighting == KnnWeighting.SHIFTED_COSINE ? sim.add(1).div(2) : sim;
  }
}
