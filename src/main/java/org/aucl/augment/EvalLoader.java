package org.aucl.augment;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.aucl.data.ImageDataset;

/**
 * Un-augmented batches for evaluation: every image once, in dataset order, through the evaluation
 * transform only (resize and normalise); the last batch may be smaller. Single-threaded: the
 * evaluation transform is cheap next to the encoder. Each {@link Batch} is float NCHW.
 */
public final class EvalLoader implements Iterable<Batch> {
  private final ImageDataset dataset;
  private final ViewTransform transform;
  private final int batchSize;
  private final ImageShape in;
  private final ImageShape out;

  public EvalLoader(ImageDataset dataset, ViewTransform transform, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("evaluation batch size must be at least 1, got " + batchSize + ".");
    }
    this.dataset = dataset;
    this.transform = transform;
    this.batchSize = batchSize;
    this.in = ImageShape.of(dataset);
    this.out = transform.outputShape(in);
  }

  /** Batches in all: {@code ceil(size / batchSize)}. */
  public int batchCount() {
    return (dataset.size() + batchSize - 1) / batchSize;
  }

  @Override
  public Iterator<Batch> iterator() {
    return new Iterator<>() {
      private final Scratch scratch = new Scratch();
      private float[] src = new float[in.size()];
      private final float[] img = new float[out.size()];
      private final SplittableRandom rng = new SplittableRandom(0);
      private int next;

      @Override
      public boolean hasNext() {
        return next < dataset.size();
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more evaluation batches.");
        }
        int size = Math.min(batchSize, dataset.size() - next);
        int len = out.size();
        float[] images = new float[size * len];
        int[] labels = new int[size];
        int[] indices = new int[size];
        for (int q = 0; q < size; q++) {
          int idx = next + q;
          ImageShape shape = dataset.shapesVary() ? ImageShape.of(dataset, idx) : in;
          if (src.length < shape.size()) {
            src = new float[shape.size()];
          }
          dataset.image(idx, src);
          transform.apply(src, shape, img, rng, scratch);
          System.arraycopy(img, 0, images, q * len, len);
          labels[q] = dataset.label(idx);
          indices[q] = idx;
        }
        next += size;
        return new Batch(images, labels, indices, size, out.channels(), out.height(), out.width());
      }
    };
  }
}
