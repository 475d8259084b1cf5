package org.aucl.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.aucl.data.ImageDataset;

/**
 * Multi-crop batches: 2 global and c local crops of every image, in shuffled batches, made by worker
 * threads ahead of the consumer (a {@link ViewLoader} whose views are the crops, globals first).
 *
 * <p>Same determinism contract as {@link TwoViewLoader}, with the crop index in place of the view
 * index: crop k of the image at position p of epoch e depends only on (seed, e, p, k), whatever the
 * number of workers. With the same seed, the global crops use the same generators as a
 * {@code TwoViewLoader}'s two views.
 */
public final class MultiCropLoader implements EpochLoader<MultiCropBatch> {
  private final ViewLoader loader;
  private final int localCrops;

  /**
   * @param dataset the images
   * @param globals the 2 global crops' transforms (same output shape)
   * @param locals the local crops' transforms (same output shape; may be empty)
   * @param batchSize images per batch, at most the dataset size
   * @param workers worker threads, at least 1
   * @param prefetch batches made ahead of the consumer, at least 1
   * @param seed the seed of all shuffling and augmentation
   */
  public MultiCropLoader(
      ImageDataset dataset, List<ViewTransform> globals, List<ViewTransform> locals, int batchSize, int workers,
      int prefetch, long seed) {
    if (globals.size() != 2) {
      throw new IllegalArgumentException("multi-crop needs exactly 2 global crops, got " + globals.size() + ".");
    }
    ImageShape in = new ImageShape(dataset.channels(), dataset.height(), dataset.width());
    sameShape("global", globals, in);
    sameShape("local", locals, in);
    List<ViewTransform> all = new ArrayList<>(globals);
    all.addAll(locals);
    this.localCrops = locals.size();
    this.loader = new ViewLoader(dataset, all, batchSize, workers, prefetch, seed);
  }

  /** A loader for the crops of {@code crops}, each followed by the rest of {@code base}'s pipeline. */
  public static MultiCropLoader of(
      ImageDataset dataset, AugmentConfig base, MultiCropConfig crops, int batchSize, int workers, int prefetch,
      long seed) {
    ImageShape in = new ImageShape(dataset.channels(), dataset.height(), dataset.width());
    return new MultiCropLoader(
        dataset, crops.globals(base, in), crops.locals(base, in), batchSize, workers, prefetch, seed);
  }

  private static void sameShape(String kind, List<ViewTransform> crops, ImageShape in) {
    for (ViewTransform t : crops) {
      ImageShape first = crops.get(0).outputShape(in);
      ImageShape s = t.outputShape(in);
      if (!s.equals(first)) {
        throw new IllegalArgumentException(
            "all " + kind + " crops must have the same shape, got " + first + " and " + s + ".");
      }
    }
  }

  public int localCrops() {
    return localCrops;
  }

  public int batchSize() {
    return loader.batchSize();
  }

  /** Full batches per epoch: {@code floor(size / batchSize)}. */
  @Override
  public int batchesPerEpoch() {
    return loader.batchesPerEpoch();
  }

  /** The order in which epoch {@code e} visits the dataset (the same as a TwoViewLoader's with this seed). */
  public int[] permutation(int e) {
    return loader.permutation(e);
  }

  /** The batches of epoch {@code e} (e >= 0) from batch {@code from} on, made in the background. */
  @Override
  public Iterator<MultiCropBatch> epoch(int e, int from) {
    Iterator<ViewBatch> batches = loader.epoch(e, from);
    ImageShape global = loader.viewShape(0);
    ImageShape local = localCrops == 0 ? global : loader.viewShape(2);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return batches.hasNext();
      }

      @Override
      public MultiCropBatch next() {
        ViewBatch b = batches.next();
        List<float[]> views = Arrays.asList(b.views());
        return new MultiCropBatch(
            List.copyOf(views.subList(0, 2)), global, List.copyOf(views.subList(2, views.size())), local,
            b.labels(), b.indices(), b.size());
      }
    };
  }

  /** Stops the worker threads; iterators then fail. */
  @Override
  public void close() {
    loader.close();
  }
}
