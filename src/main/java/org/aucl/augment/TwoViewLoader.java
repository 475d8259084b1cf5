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
 * Two augmented views of every image, in shuffled batches, made by worker threads ahead of the consumer.
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
  private static final long PERMUTATION = 0x5045524DL;
  private static final long VIEW = 0x56494557L;
  private static final AtomicInteger LOADERS = new AtomicInteger();

  private final ImageDataset dataset;
  private final ViewTransform view1;
  private final ViewTransform view2;
  private final ImageShape in;
  private final ImageShape out;
  private final int batchSize;
  private final int workers;
  private final int prefetch;
  private final long seed;
  private final ExecutorService pool;
  private final ThreadLocal<Worker> worker;
  private volatile boolean closed;

  /** Per-thread buffers: the source image, one output view, and the transforms' scratch. */
  private final class Worker {
    final float[] src = new float[in.size()];
    final float[] view = new float[out.size()];
    final Scratch scratch = new Scratch();
  }

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
    this.dataset = dataset;
    this.view1 = view1;
    this.view2 = view2;
    this.in = new ImageShape(dataset.channels(), dataset.height(), dataset.width());
    this.out = view1.outputShape(in);
    ImageShape out2 = view2.outputShape(in);
    if (!out.equals(out2)) {
      throw new IllegalArgumentException(
          "the two views must have the same shape, got " + out + " and " + out2 + ".");
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

  public int batchSize() {
    return batchSize;
  }

  /** Full batches per epoch: {@code floor(size / batchSize)}. */
  @Override
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

  /** The batches of epoch {@code e} (e >= 0), made in the background as the iterator advances. */
  @Override
  public Iterator<PairBatch> epoch(int e) {
    if (e < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + e + ".");
    }
    ensureOpen();
    return new EpochIterator(e);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the loader is closed.");
    }
  }

  /** One batch in the making: its arrays and the futures of its chunks. */
  private record Pending(PairBatch batch, List<Future<?>> parts) {
    PairBatch await() {
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

  private final class EpochIterator implements Iterator<PairBatch> {
    private final int epoch;
    private final int[] perm;
    private final int batches = batchesPerEpoch();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private int submitted;
    private int returned;

    EpochIterator(int epoch) {
      this.epoch = epoch;
      this.perm = permutation(epoch);
      fill();
    }

    private void fill() {
      while (submitted < batches && submitted <= returned + prefetch) {
        pending.add(submit(submitted++));
      }
    }

    private Pending submit(int b) {
      int size = batchSize;
      float[] v1 = new float[size * out.size()];
      float[] v2 = new float[size * out.size()];
      int[] labels = new int[size];
      int[] indices = new int[size];
      PairBatch batch = new PairBatch(v1, v2, labels, indices, size, out.channels(), out.height(), out.width());
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
    public PairBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException("epoch " + epoch + " has only " + batches + " batches.");
      }
      ensureOpen();
      Pending p = pending.poll();
      PairBatch batch;
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
  private void fillRange(int epoch, int[] perm, int b, int from, int to, PairBatch batch) {
    Worker w = worker.get();
    int len = out.size();
    for (int q = from; q < to; q++) {
      int pos = b * batchSize + q;
      int idx = perm[pos];
      dataset.image(idx, w.src);
      view1.apply(w.src, in, w.view, viewRandom(epoch, pos, 0), w.scratch);
      System.arraycopy(w.view, 0, batch.view1(), q * len, len);
      view2.apply(w.src, in, w.view, viewRandom(epoch, pos, 1), w.scratch);
      System.arraycopy(w.view, 0, batch.view2(), q * len, len);
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
