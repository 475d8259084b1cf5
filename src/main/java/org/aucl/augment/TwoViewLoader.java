package org.aucl.augment;

import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.aucl.data.ImageDataset;

/**
 * Two augmented views of every image, in shuffled batches, made by worker threads ahead of the consumer
 * (a {@link ViewLoader} with two views of one shape).
 *
 * <p>{@link #epoch(int)} walks a permutation of the dataset drawn from {@code (seed, epoch)} in batches
 * of {@code batchSize} (the last partial batch is dropped); each {@link PairBatch} holds
 * {@code view1}, {@code view2} as float NCHW ({@code batchSize x C x H x W}), the labels and the dataset
 * indices. Each batch is split among the workers, and up to {@code prefetch} batches beyond the one
 * being consumed are in the making; batches come out in order.
 *
 * <p>Determinism contract: the views of the image at position {@code p} of epoch {@code e}'s
 * permutation depend only on {@code (seed, e, p, v)} — each view {@code v} has its own generator
 * {@link Seeds#random(long, long...) Seeds.random(seed, VIEW, e, p, v)} — so the batches are the same
 * for any number of workers, and any epoch can be produced without the earlier ones (resume from a
 * checkpoint).
 *
 * <p>A worker's exception is rethrown by the consumer's {@code next()}. {@link #close()} stops the
 * threads.
 */
public final class TwoViewLoader implements EpochLoader<PairBatch> {
  private final ViewLoader loader;

  /**
   * @param dataset the images (read concurrently by the workers)
   * @param view1 transform of the first view
   * @param view2 transform of the second view (may be the same object); same output shape as view1
   * @param batchSize images per batch, at most the dataset size
   * @param workers worker threads, at least 1
   * @param prefetch batches made ahead of the consumer, at least 1
   * @param seed the seed of all shuffling and augmentation
   */
  public TwoViewLoader(
      ImageDataset dataset, ViewTransform view1, ViewTransform view2, int batchSize, int workers, int prefetch,
      long seed) {
    ImageShape in = new ImageShape(dataset.channels(), dataset.height(), dataset.width());
    ImageShape out1 = view1.outputShape(in);
    ImageShape out2 = view2.outputShape(in);
    if (!out1.equals(out2)) {
      throw new IllegalArgumentException(
          "the two views must have the same shape, got " + out1 + " and " + out2 + ".");
    }
    this.loader = new ViewLoader(dataset, List.of(view1, view2), batchSize, workers, prefetch, seed);
  }

  public int batchSize() {
    return loader.batchSize();
  }

  /** Full batches per epoch: {@code floor(size / batchSize)}. */
  @Override
  public int batchesPerEpoch() {
    return loader.batchesPerEpoch();
  }

  /** The order in which epoch {@code e} visits the dataset: a permutation drawn from (seed, e). */
  public int[] permutation(int e) {
    return loader.permutation(e);
  }

  /** The generator of view {@code v} of the image at position {@code p} of epoch {@code e}. */
  public SplittableRandom viewRandom(int e, int p, int v) {
    return loader.viewRandom(e, p, v);
  }

  /** The batches of epoch {@code e} (e >= 0) from batch {@code from} on, made in the background. */
  @Override
  public Iterator<PairBatch> epoch(int e, int from) {
    Iterator<ViewBatch> batches = loader.epoch(e, from);
    ImageShape s = loader.viewShape(0);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return batches.hasNext();
      }

      @Override
      public PairBatch next() {
        ViewBatch b = batches.next();
        return new PairBatch(
            b.views()[0], b.views()[1], b.labels(), b.indices(), b.size(), s.channels(), s.height(), s.width());
      }
    };
  }

  /** Stops the worker threads (waits up to 10 s for running chunks); iterators then fail. */
  @Override
  public void close() {
    loader.close();
  }
}
