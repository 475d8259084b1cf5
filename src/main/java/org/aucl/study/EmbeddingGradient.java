package org.aucl.study;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * The gradient of a {@link PairLoss} with respect to the embeddings of the pairs it is given: the
 * batch's rows of the pool's cached projections become leaves, the loss is computed on them alone, and
 * dL/dz comes back per row. Cheap: it touches a B x d matrix, never the network.
 */
final class EmbeddingGradient {
  private final NDManager manager;
  private final float[] z;
  private final int pool;
  private final int dim;

  /**
   * @param z the pool's 2N projections, row-major 2N x d: view 1 of every image, then view 2
   */
  EmbeddingGradient(NDManager manager, float[] z, int pool, int dim) {
    this.manager = manager;
    this.z = z;
    this.pool = pool;
    this.dim = dim;
  }

  /**
   * Adds {@code weight} times dL_batch/dz into {@code into} (2N x d, the layout of the projections) at
   * the rows of the batch {@code idx} (image indices in the pool, distinct).
   *
   * @return the batch's loss
   */
  double accumulate(PairLoss loss, int[] idx, double weight, double[] into) {
    int b = idx.length;
    float[] f1 = new float[b * dim];
    float[] f2 = new float[b * dim];
    for (int i = 0; i < b; i++) {
      System.arraycopy(z, idx[i] * dim, f1, i * dim, dim);
      System.arraycopy(z, (pool + idx[i]) * dim, f2, i * dim, dim);
    }
    try (NDManager step = manager.newSubManager()) {
      NDArray z1 = step.create(f1, new Shape(b, dim));
      NDArray z2 = step.create(f2, new Shape(b, dim));
      z1.setRequiresGradient(true);
      z2.setRequiresGradient(true);
      double value;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = loss.of(z1, z2);
        value = l.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
        gc.backward(l);
      }
      float[] g1 = z1.getGradient().toFloatArray();
      float[] g2 = z2.getGradient().toFloatArray();
      for (int i = 0; i < b; i++) {
        int r1 = idx[i] * dim;
        int r2 = (pool + idx[i]) * dim;
        for (int j = 0; j < dim; j++) {
          into[r1 + j] += weight * g1[i * dim + j];
          into[r2 + j] += weight * g2[i * dim + j];
        }
      }
      return value;
    }
  }
}
