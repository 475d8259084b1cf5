package org.aucl.augment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.aucl.data.ImageDataset;

/**
 * Any number of augmented views of every image (each view with its own transform and output shape), in
 * shuffled batches, made by worker threads ahead of the consumer; the machinery under
 * {@link TwoViewLoader} and {@link MultiCropLoader}.
 *
 * <p>{@link #epoch(int)} walks a permutation of the dataset drawn from {@code (seed, epoch)} in batches
 * of {@code batchSize} (the last partial batch is dropped); each {@link ViewBatch} holds one float NCHW
 * array per view ({@code batchSize x C x H_v x W_v}), the labels and the dataset indices. Each batch is split among the workers, and up to {@code prefetch} batches beyond the one
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
final class ViewLoader implements AutoCloseable {
  private static final long PERMUTATION = 0x5045524DL;
  private static final long VIEW = 0x56494557L;
  private static final AtomicInteger LOADERS = new AtomicInteger();

  private final ImageDataset dataset;
  private final List<ViewTransform> views;
  private final ImageShape in;
  private final ImageShape[] out;
  private final int batchSize;
  private final int workers;
  private final int prefetch;
  private final long seed;
  private final ExecutorService pool;
  private final ThreadLocal<Worker> worker;
  private volatile boolean closed;
  /** Images of their own shapes: each is read and transformed at its shape ({@code in} is nominal). */
  private final boolean varying;

  /** Per-thread buffers: the source image, one output view (of the largest shape), the transforms' scratch. */
  private final class Worker {
    float[] src = new float[in.size()];
    final float[] view = new float[maxViewSize()];
    final Scratch scratch = new Scratch();

    /** The source buffer, grown for an image of {@code length} values (images of their own shapes). */
    float[] source(int length) {
      if (src.length < length) {
        src = new float[length];
      }
      return src;
    }
  }

  private int maxViewSize() {
    int max = 0;
    for (ImageShape s : out) {
      max = Math.max(max, s.size());
    }
    return max;
  }

  /**
   * @param dataset the images (read concurrently by the workers)
   * @param views the transform of each view (the same object may appear more than once)
   * @param batchSize images per batch, at most the dataset size
   * @param workers worker threads, at least 1
   * @param prefetch batches made ahead of the consumer, at least 1
   * @param seed the seed of all shuffling and augmentation
   */
  ViewLoader(
      ImageDataset dataset, List<ViewTransform> views, int batchSize, int workers, int prefetch, long seed) {
    if (views.isEmpty()) {
      throw new IllegalArgumentException("a loader needs at least one view.");
    }
    this.dataset = dataset;
    this.views = List.copyOf(views);
    this.in = ImageShape.of(dataset);
    this.varying = dataset.shapesVary();
    this.out = new ImageShape[views.size()];
    for (int v = 0; v < out.length; v++) {
      out[v] = views.get(v).outputShape(in);
    }
    if (batchSize <= 0 || batchSize > dataset.size()) {
      throw new IllegalArgumentException(
          "batch size must be in [1, " + dataset.size() + "] (the size of " + dataset.name() + "), got "
              + batchSize + ".");
    }
    if (workers <= 0) {
      throw new IllegalArgumentException("loader worker threads must be at least 1, got " + workers + ".");
    }
    if (prefetch <= 0) {
      throw new IllegalArgumentException("loader prefetch depth must be at least 1, got " + prefetch + ".");
    }
    this.batchSize = batchSize;
    this.workers = workers;
    this.prefetch = prefetch;
    this.seed = seed;
    this.worker = ThreadLocal.withInitial(Worker::new);
    this.pool = Executors.newFixedThreadPool(workers, threadFactory());
  }

  private static ThreadFactory threadFactory() {
    int id = LOADERS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "aucl-loader-" + id + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Shape of view {@code v}: channels x height x width. */
  public ImageShape viewShape(int v) {
    return out[v];
  }

  public int batchSize() {
    return batchSize;
  }

  /** Full batches per epoch: {@code floor(size / batchSize)}. */
  public int batchesPerEpoch() {
    return dataset.size() / batchSize;
  }

  /** The order in which epoch {@code e} visits the dataset: a permutation drawn from (seed, e). */
  public int[] permutation(int e) {
    int n = dataset.size();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = Seeds.random(seed, PERMUTATION, e);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  /** The generator of view {@code v} of the image at position {@code p} of epoch {@code e}. */
  public SplittableRandom viewRandom(int e, int p, int v) {
    return Seeds.random(seed, VIEW, e, p, v);
  }

  /** The batches of epoch {@code e} (e >= 0) from batch {@code from} on, made in the background. */
  public Iterator<ViewBatch> epoch(int e, int from) {
    if (e < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + e + ".");
    }
    if (from < 0 || from > batchesPerEpoch()) {
      throw new IllegalArgumentException("first batch must be in [0, " + batchesPerEpoch() + "], got " + from + ".");
    }
    ensureOpen();
    return new EpochIterator(e, from);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the loader is closed.");
    }
  }

  /** One batch in the making: its arrays and the futures of its chunks. */
  private record Pending(ViewBatch batch, List<Future<?>> parts) {
    ViewBatch await() {
      try {
        for (Future<?> f : parts) {
          f.get();
        }
        return batch;
      } catch (ExecutionException ex) {
        cancel();
        Throwable cause = ex.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("a loader worker failed: " + cause, cause);
      } catch (InterruptedException ex) {
        cancel();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch.", ex);
      } catch (CancellationException ex) {
        throw new IllegalStateException("the loader was closed while a batch was being made.", ex);
      }
    }

    void cancel() {
      for (Future<?> f : parts) {
        f.cancel(true);
      }
    }
  }

  private final class EpochIterator implements Iterator<ViewBatch> {
    private final int epoch;
    private final int[] perm;
    private final int batches = batchesPerEpoch();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private int submitted;
    private int returned;

    EpochIterator(int epoch, int from) {
      this.epoch = epoch;
      this.perm = permutation(epoch);
      this.submitted = from;
      this.returned = from;
      fill();
    }

    private void fill() {
      while (submitted < batches && submitted <= returned + prefetch) {
        pending.add(submit(submitted++));
      }
    }

    private Pending submit(int b) {
      int size = batchSize;
      float[][] arrays = new float[out.length][];
      for (int v = 0; v < out.length; v++) {
        arrays[v] = new float[size * out[v].size()];
      }
      ViewBatch batch = new ViewBatch(arrays, out.clone(), new int[size], new int[size], size);
      int chunks = Math.min(workers, size);
      List<Future<?>> parts = new ArrayList<>(chunks);
      for (int c = 0; c < chunks; c++) {
        int from = (int) ((long) size * c / chunks);
        int to = (int) ((long) size * (c + 1) / chunks);
        parts.add(pool.submit(() -> fillRange(epoch, perm, b, from, to, batch)));
      }
      return new Pending(batch, parts);
    }

    @Override
    public boolean hasNext() {
      return returned < batches;
    }

    @Override
    public ViewBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException("epoch " + epoch + " has only " + batches + " batches.");
      }
      ensureOpen();
      Pending p = pending.poll();
      ViewBatch batch;
      try {
        batch = p.await();
      } catch (RuntimeException | Error ex) {
        pending.forEach(Pending::cancel);
        pending.clear();
        returned = batches;
        throw ex;
      }
      returned++;
      fill();
      return batch;
    }
  }

  /** Fills rows {@code [from, to)} of batch {@code b} of an epoch (runs on a worker). */
  private void fillRange(int epoch, int[] perm, int b, int from, int to, ViewBatch batch) {
    Worker w = worker.get();
    for (int q = from; q < to; q++) {
      int pos = b * batchSize + q;
      int idx = perm[pos];
      ImageShape shape = varying ? ImageShape.of(dataset, idx) : in;
      float[] src = w.source(shape.size());
      dataset.image(idx, src);
      for (int v = 0; v < out.length; v++) {
        int len = out[v].size();
        if (varying && !views.get(v).outputShape(shape).equals(out[v])) {
          throw new IllegalStateException("view " + v + " of " + shape + " images is not " + out[v] + ": images of their own shapes need views of one size.");
        }
        views.get(v).apply(src, shape, w.view, viewRandom(epoch, pos, v), w.scratch);
        System.arraycopy(w.view, 0, batch.views()[v], q * len, len);
      }
      batch.labels()[q] = dataset.label(idx);
      batch.indices()[q] = idx;
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the worker threads (waits up to 10 s for running chunks); iterators then fail. */
  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("loader threads did not stop within 10 s.");
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
