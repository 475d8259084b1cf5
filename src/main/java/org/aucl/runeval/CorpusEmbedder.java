package org.aucl.runeval;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.aucl.augment.ImageShape;
import org.aucl.augment.Scratch;
import org.aucl.augment.ViewPipeline;
import org.aucl.data.BadImages;
import org.aucl.data.ImageDataset;
import org.aucl.data.SkippedImage;
import org.aucl.data.UnreadableImage;
import org.aucl.embedding.EmbeddingRow;
import org.aucl.embedding.EmbeddingWriter;
import org.aucl.eval.FeatureFunction;
import org.aucl.run.RunCheckpoint;

/**
 * Embeds {@link EmbeddingRows} batch by batch into an {@link EmbeddingWriter}, in memory that does not
 * grow with the number of images: a batch is decoded and prepared (on {@code workers} threads) while
 * the network runs on the one before, its rows are written, and nothing of it is kept. Each batch's
 * arrays live in a sub-manager closed after it.
 *
 * <p>An image whose pixels do not decode stops the work ({@link BadImages#STOP}) or is left out and
 * listed ({@link BadImages#SKIP}).
 */
public final class CorpusEmbedder {
  private final RunCheckpoint checkpoint;
  private final NDManager manager;
  private final FeatureFunction head;
  private final int batchSize;
  private final int workers;
  private final BadImages onBadImage;

  /**
   * @param manager parent manager of the network's device
   * @param head the network's forward pass to the features written
   */
  public CorpusEmbedder(RunCheckpoint checkpoint, NDManager manager, FeatureFunction head, int batchSize, int workers,
      BadImages onBadImage) {
    if (batchSize < 1 || workers < 1) {
      throw new IllegalArgumentException("batch size and workers must be at least 1");
    }
    this.checkpoint = checkpoint;
    this.manager = manager;
    this.head = head;
    this.batchSize = batchSize;
    this.workers = workers;
    this.onBadImage = onBadImage;
  }

  /**
   * The length of the features written: the head's output on two blank images of the run's size (two:
   * PyTorch computes a single image's convolutions on other kernels, which some processors lack).
   */
  public int dimension() {
    int side = checkpoint.imageSize();
    try (NDManager step = manager.newSubManager()) {
      Shape two = new Shape(2, checkpoint.channels(), side, side);
      return (int) head.apply(step.zeros(two)).getShape().get(1);
    }
  }

  /** Images prepared for the network, with the rows they belong to; {@code kept[q]} is a row of the part. */
  private record Prepared(float[] pixels, int[] kept, int count, ImageShape shape, List<SkippedImage> skipped) {}

  /**
   * Writes every row of {@code rows}; {@code progress} hears the number of images done after each batch.
   *
   * @return the images left out because their pixels did not decode
   */
  public List<SkippedImage> write(EmbeddingRows rows, EmbeddingWriter writer, LongConsumer progress) {
    List<SkippedImage> skipped = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "aucl-embed");
      t.setDaemon(true);
      return t;
    });
    long done = 0;
    try {
      for (EmbeddingRows.Part part : rows.parts()) {
        ImageDataset ds = part.images();
        ImageShape in = ImageShape.of(ds);
        ViewPipeline eval = checkpoint.evalTransform(in, ds.shapesVary());
        int batches = (part.size() + batchSize - 1) / batchSize;
        CompletableFuture<Prepared> next = batches == 0 ? null : prepare(part, 0, in, eval, pool);
        for (int b = 0; b < batches; b++) {
          Prepared batch = join(next);
          next = b + 1 < batches ? prepare(part, b + 1, in, eval, pool) : null;
          skipped.addAll(batch.skipped());
          embed(part, batch, writer);
          done += Math.min(batchSize, part.size() - (long) b * batchSize);
          progress.accept(done);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return skipped;
  }

  /** Decodes and prepares batch {@code b} of {@code part}, its images shared out over the pool. */
  private CompletableFuture<Prepared> prepare(EmbeddingRows.Part part, int b, ImageShape in, ViewPipeline eval,
      ExecutorService pool) {
    int from = b * batchSize;
    int count = Math.min(batchSize, part.size() - from);
    ImageShape out = eval.outputShape(in);
    float[] pixels = new float[count * out.size()];
    boolean[] ok = new boolean[count];
    SkippedImage[] bad = new SkippedImage[count];
    int chunks = Math.min(workers, count);
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    for (int c = 0; c < chunks; c++) {
      int lo = c * count / chunks;
      int hi = (c + 1) * count / chunks;
      tasks.add(CompletableFuture.runAsync(() -> {
        float[] src = new float[in.size()];
        ImageDataset images = part.images();
        float[] img = new float[out.size()];
        Scratch scratch = new Scratch();
        SplittableRandom unused = new SplittableRandom(0); // the evaluation transform draws nothing
        for (int q = lo; q < hi; q++) {
          int index = part.index(from + q);
          ImageShape shape = images.shapesVary() ? ImageShape.of(images, index) : in;
          if (src.length < shape.size()) {
            src = new float[shape.size()];
          }
          try {
            images.image(index, src);
          } catch (UnreadableImage e) {
            if (onBadImage == BadImages.STOP) {
              throw e;
            }
            bad[q] = new SkippedImage(part.images().id(index), e.problem());
            continue;
          }
          eval.apply(src, shape, img, unused, scratch);
          System.arraycopy(img, 0, pixels, q * out.size(), out.size());
          ok[q] = true;
        }
      }, pool));
    }
    return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).thenApply(v -> {
      int[] kept = new int[count];
      List<SkippedImage> skipped = new ArrayList<>();
      int n = 0;
      for (int q = 0; q < count; q++) {
        if (ok[q]) {
          if (n != q) {
            System.arraycopy(pixels, q * out.size(), pixels, n * out.size(), out.size());
          }
          kept[n++] = from + q;
        } else {
          skipped.add(bad[q]);
        }
      }
      return new Prepared(pixels, kept, n, out, skipped);
    });
  }

  private void embed(EmbeddingRows.Part part, Prepared batch, EmbeddingWriter writer) {
    if (batch.count() == 0) {
      return;
    }
    ImageShape s = batch.shape();
    float[] pixels = batch.pixels();
    if (pixels.length != batch.count() * s.size()) {
      pixels = java.util.Arrays.copyOf(pixels, batch.count() * s.size());
    }
    float[] features;
    try (NDManager step = manager.newSubManager()) {
      long[] shape = {batch.count(), s.channels(), s.height(), s.width()};
      features = head.apply(step.create(pixels, new Shape(shape))).toFloatArray();
    }
    int dim = features.length / batch.count();
    for (int r = 0; r < batch.count(); r++) {
      int k = batch.kept()[r];
      int index = part.index(k);
      float[] v = java.util.Arrays.copyOfRange(features, r * dim, (r + 1) * dim);
      writer.write(new EmbeddingRow(part.images().id(index), part.split(k), part.images().label(index), v));
    }
  }

  private static Prepared join(CompletableFuture<Prepared> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
