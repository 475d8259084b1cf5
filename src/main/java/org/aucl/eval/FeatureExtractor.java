package org.aucl.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.aucl.augment.Batch;
import org.aucl.augment.EvalLoader;
import org.aucl.augment.ViewTransform;
import org.aucl.data.ImageDataset;
import org.aucl.model.ContrastiveNet;

/**
 * The one way every evaluation gets features: un-augmented images through the run's evaluation
 * transform (resize if needed, normalise as in training), in batches, through the network, gathered
 * on the Java heap in dataset order.
 */
public final class FeatureExtractor {
  /** Images per forward pass: large enough to keep the CPU busy, small enough for any image size here. */
  public static final int BATCH = 256;

  private FeatureExtractor() {}

  /** Features of every image of {@code dataset} from {@code head} of {@code net}. */
  public static Features extract(ContrastiveNet net, ImageDataset dataset, ViewTransform eval, FeatureHead head) {
    EvalLoader loader = new EvalLoader(dataset, eval, BATCH);
    return extract(net.manager(), loader, dataset.size(), head.of(net));
  }

  /**
   * Extracts features of every batch; each batch's arrays live in a sub-manager closed after it.
   *
   * @param manager parent manager that decides the device
   * @param batches the batches, in dataset order
   * @param count number of images the batches hold in total
   */
  public static Features extract(NDManager manager, Iterable<Batch> batches, int count, FeatureFunction function) {
    float[] data = null;
    int[] labels = new int[count];
    int dim = -1;
    int filled = 0;
    for (Batch batch : batches) {
      try (NDManager step = manager.newSubManager()) {
        NDArray images = step.create(batch.images(), new Shape(batch.shape()));
        float[] out = function.apply(images).toFloatArray();
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
