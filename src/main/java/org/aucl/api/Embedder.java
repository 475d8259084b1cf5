package org.aucl.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.aucl.augment.ImageShape;
import org.aucl.augment.Scratch;
import org.aucl.augment.ViewPipeline;
import org.aucl.data.BadImages;
import org.aucl.data.DatasetOptions;
import org.aucl.data.FolderLabels;
import org.aucl.data.ImageDecoder;
import org.aucl.data.UnreadableImage;
import org.aucl.embedding.EmbeddingRow;
import org.aucl.embedding.EmbeddingWriter;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.Devices;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.CorpusEmbedder;
import org.aucl.runeval.EmbeddingRows;
import org.aucl.util.UserException;

/**
 * The embeddings of images by a pretrained run: the L2-normalised encoder output (before the
 * projector), with each image prepared as the evaluations prepare it (converted to the run's channels,
 * resized to its image size, normalised as in training).
 *
 * <p>Lists of images, files and whole folders go through the network in batches ({@link #batchSize()},
 * {@value #DEFAULT_BATCH_SIZE} unless given), which is many times faster than one image per call.
 * Safe to share between threads: images are prepared on the calling thread and the network runs one
 * batch at a time. Close it to free the network's native memory.
 */
public final class Embedder implements AutoCloseable {
  /** Images per forward pass unless {@link #open(Path, String, int)} says otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 64;
  /** The largest batch accepted: its pixels and activations must fit in memory. */
  public static final int MAX_BATCH_SIZE = 4096;

  /** One image of a folder: its path relative to the folder ('/'-separated) and its embedding. */
  public record Embedding(String id, float[] vector) {}

  private final ContrastiveNet net;
  private final RunCheckpoint checkpoint;
  private final int batchSize;
  private boolean closed;

  private Embedder(RunCheckpoint checkpoint, ContrastiveNet net, int batchSize) {
    this.checkpoint = checkpoint;
    this.net = net;
    this.batchSize = batchSize;
  }

  /** The last checkpoint of the run in {@code runDir}. */
  public static Embedder open(Path runDir) {
    return open(runDir, "last");
  }

  /** Checkpoint {@code which} ("last" or "best") of the run in {@code runDir}, on the CPU or GPU (auto). */
  public static Embedder open(Path runDir, String which) {
    return open(runDir, which, DEFAULT_BATCH_SIZE);
  }

  /** As {@link #open(Path, String)}, embedding lists, files and folders {@code batchSize} images at a time. */
  public static Embedder open(Path runDir, String which, int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException("the batch size must be from 1 to " + MAX_BATCH_SIZE + ", got " + batchSize + ".");
    }
    RunCheckpoint ckpt = RunCheckpoint.open(runDir, which);
    return new Embedder(ckpt, ckpt.loadNet(Devices.resolve("auto")), batchSize);
  }

  /** Length of the embeddings. */
  public int dimension() {
    return net.featureDim();
  }

  /** Images per forward pass for lists, files and folders. */
  public int batchSize() {
    return batchSize;
  }

  /** The embedding of an image file (PNG, JPEG including CMYK, BMP or GIF), read as image folders are. */
  public float[] embed(Path imageFile) {
    return embed(read(imageFile));
  }

  /**
   * The embedding of an image of any size and colour model: its pixels as image folders read them
   * ({@link ImageDecoder#pixels}), the short side resized to the run's size and the centre cut.
   */
  public float[] embed(BufferedImage image) {
    return embedImages(List.of(image)).get(0);
  }

  /**
   * The embedding of an image given as floats in [0, 1], channel-major (C x H x W), with the run's channel
   * count ({@link RunCheckpoint#channels()}) and any height and width.
   */
  public float[] embed(float[] chw, int height, int width) {
    ImageShape in = new ImageShape(checkpoint.channels(), height, width);
    if (chw.length != in.size()) {
      throw new IllegalArgumentException(
          "an image of shape " + in + " has " + in.size() + " values, got " + chw.length + ".");
    }
    return forward(List.of(prepare(chw, in, new Scratch()))).get(0);
  }

  /** The embeddings of {@code images}, in order, computed {@link #batchSize()} at a time. */
  public List<float[]> embedImages(List<BufferedImage> images) {
    List<float[]> out = new ArrayList<>(images.size());
    Scratch scratch = new Scratch();
    for (int from = 0; from < images.size(); from += batchSize) {
      List<float[]> batch = new ArrayList<>();
      for (BufferedImage img : images.subList(from, Math.min(images.size(), from + batchSize))) {
        batch.add(prepare(img, scratch));
      }
      out.addAll(forward(batch));
    }
    return out;
  }

  /**
   * The embeddings of image files, in order, computed {@link #batchSize()} at a time; a file that does
   * not decode stops the call with a message naming it.
   */
  public List<float[]> embedFiles(List<Path> files) {
    List<float[]> out = new ArrayList<>(files.size());
    for (int from = 0; from < files.size(); from += batchSize) {
      List<BufferedImage> batch = new ArrayList<>();
      for (Path f : files.subList(from, Math.min(files.size(), from + batchSize))) {
        batch.add(read(f));
      }
      out.addAll(embedImages(batch));
    }
    return out;
  }

  /**
   * Every image under {@code folder} (sub-folders included, hidden ones not), in the order of their
   * relative paths, handed to {@code each} as it is computed: the rows {@code aucl embed --dataset FOLDER
   * --labels none} writes, in memory that does not grow with the folder. Images are decoded on all
   * processors while the network runs. A file that does not decode stops the call with a message
   * naming it.
   *
   * @return the number of images embedded
   */
  public long embedFolder(Path folder, Consumer<Embedding> each) {
    checkOpen();
    DatasetOptions read = DatasetOptions.DEFAULTS.withLabels(FolderLabels.NONE).withOnBadImage(BadImages.STOP)
        .withKeepDecoded(false);
    EmbeddingRows rows = EmbeddingRows.of(folder.toString(), folder, read, EmbeddingRows.ALL, checkpoint.channels(),
        checkpoint.imageSize());
    CorpusEmbedder corpus = new CorpusEmbedder(checkpoint, net.manager(), this::lockedFeatures, batchSize,
        Runtime.getRuntime().availableProcessors(), BadImages.STOP);
    try (CallbackWriter writer = new CallbackWriter(each)) {
      corpus.write(rows, writer, done -> { });
      return writer.rows();
    }
  }

  /** An image's pixels as image folders read them ({@link ImageDecoder#pixels}), prepared as evaluations do. */
  private float[] prepare(BufferedImage image, Scratch scratch) {
    int c = checkpoint.channels();
    byte[] px = ImageDecoder.pixels(image, c);
    float[] chw = new float[px.length];
    for (int k = 0; k < px.length; k++) {
      chw[k] = (px[k] & 0xFF) / 255f;
    }
    return prepare(chw, new ImageShape(c, image.getHeight(), image.getWidth()), scratch);
  }

  private static BufferedImage read(Path file) {
    try {
      return ImageDecoder.read(file);
    } catch (UnreadableImage e) {
      throw new UserException("Cannot decode image " + file + ": " + e.problem() + ".", e);
    }
  }

  /** The evaluation transform of one image: the run's channels, size and normalisation. */
  private float[] prepare(float[] chw, ImageShape in, Scratch scratch) {
    ViewPipeline eval = checkpoint.evalTransform(in);
    float[] prepared = new float[eval.outputShape(in).size()];
    eval.apply(chw, in, prepared, new SplittableRandom(0), scratch);
    return prepared;
  }

  /** One forward pass over prepared images of the run's size; one embedding per image. */
  private List<float[]> forward(List<float[]> prepared) {
    if (prepared.isEmpty()) {
      return List.of();
    }
    int side = checkpoint.imageSize();
    int size = prepared.get(0).length;
    float[] pixels = new float[prepared.size() * size];
    for (int i = 0; i < prepared.size(); i++) {
      System.arraycopy(prepared.get(i), 0, pixels, i * size, size);
    }
    float[] features;
    synchronized (this) {
      checkOpen();
      try (NDManager step = net.manager().newSubManager()) {
        Shape shape = new Shape(prepared.size(), checkpoint.channels(), side, side);
        features = net.features(step.create(pixels, shape), false).toFloatArray();
      }
    }
    int dim = features.length / prepared.size();
    List<float[]> out = new ArrayList<>(prepared.size());
    for (int i = 0; i < prepared.size(); i++) {
      out.add(Arrays.copyOfRange(features, i * dim, (i + 1) * dim));
    }
    return out;
  }

  /** The network's features for a batch of the corpus embedder, one batch at a time across threads. */
  private NDArray lockedFeatures(NDArray images) {
    synchronized (this) {
      checkOpen();
      return net.features(images, false);
    }
  }

  private synchronized void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this Embedder is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      net.close();
    }
  }

  /** Hands each row to the caller instead of a file. */
  private static final class CallbackWriter implements EmbeddingWriter {
    private final Consumer<Embedding> each;
    private long rows;

    CallbackWriter(Consumer<Embedding> each) {
      this.each = each;
    }

    @Override
    public void write(EmbeddingRow row) {
      each.accept(new Embedding(row.id(), row.vector()));
      rows++;
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public List<Path> commit() {
      return List.of();
    }

    @Override
    public void close() {}
  }
}
