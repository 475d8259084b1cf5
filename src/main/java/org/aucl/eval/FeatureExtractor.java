package org.aucl.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.aucl.augment.Batch;

/** Runs an encoder over un-augmented batches and gathers the features on the Java heap. */
public final class FeatureExtractor {
  /** Maps a batch of images (N x C x H x W) to features (N x F); runs in inference mode. */
  @FunctionalInterface
  public interface Encoder {
    NDArray apply(NDArray images);
  }

  private FeatureExtractor() {}

  /**
   * Extracts features of every batch; each batch's arrays live in a sub-manager closed after it.
   *
   * @param manager parent manager that decides the device
   * @param batches the batches, in dataset order
   * @param count number of images the batches hold in total
   */
  public static Features extract(NDManager manager, Iterable<Batch> batches, int count, Encoder encoder) {
    float[] data = null;
    int[] labels = new int[count];
    int dim = -1;
    int filled = 0;
    for (Batch batch : batches) {
      try (NDManager step = manager.newSubManager()) {
        NDArray images = step.create(batch.images(), new Shape(batch.shape()));
        float[] out = encoder.apply(images).toFloatArray();
        int rowDim = out.length / batch.size();
        if (data == null) {
          dim = rowDim;
          data = new float[Math.multiplyExact(count, dim)];
        }
        if (filled + batch.size() > count) {
          throw new IllegalStateException("batches hold more than the " + count + " images announced");
        }
        System.arraycopy(out, 0, data, filled * dim, out.length);
        System.arraycopy(batch.labels(), 0, labels, filled, batch.size());
        filled += batch.size();
      }
    }
    if (filled != count) {
      throw new IllegalStateException("batches held " + filled + " images, expected " + count);
    }
    return new Features(data == null ? new float[0] : data, count, Math.max(dim, 0), labels);
  }
}
