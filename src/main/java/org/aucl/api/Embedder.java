package org.aucl.api;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.aucl.augment.ImageShape;
import org.aucl.augment.Scratch;
import org.aucl.augment.ViewPipeline;
import org.aucl.data.ImageDecoder;
import org.aucl.data.UnreadableImage;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.Devices;
import org.aucl.run.RunCheckpoint;
import org.aucl.util.UserException;

/**
 * The embedding of single images by a pretrained run: the L2-normalised encoder output (before the
 * projector), with the image prepared as the evaluations prepare it (converted to the run's channels,
 * resized to its image size, normalised as in training). Safe to share between threads: calls run one
 * at a time. Close it to free the network's native memory.
 */
public final class Embedder implements AutoCloseable {
  private final ContrastiveNet net;
  private final RunCheckpoint checkpoint;
  private final Scratch scratch = new Scratch();
  private boolean closed;

  private Embedder(RunCheckpoint checkpoint, ContrastiveNet net) {
    this.checkpoint = checkpoint;
    this.net = net;
  }

  /** The last checkpoint of the run in {@code runDir}. */
  public static Embedder open(Path runDir) {
    return open(runDir, "last");
  }

  /** Checkpoint {@code which} ("last" or "best") of the run in {@code runDir}, on the CPU or GPU (auto). */
  public static Embedder open(Path runDir, String which) {
    RunCheckpoint ckpt = RunCheckpoint.open(runDir, which);
    return new Embedder(ckpt, ckpt.loadNet(Devices.resolve("auto")));
  }

  /** Length of the embeddings. */
  public int dimension() {
    return net.featureDim();
  }

  /** The embedding of an image file (PNG, JPEG including CMYK, BMP or GIF), read as image folders are. */
  public float[] embed(Path imageFile) {
    try {
      return embed(ImageDecoder.read(imageFile));
    } catch (UnreadableImage e) {
      throw new UserException("Cannot decode image " + imageFile + ": " + e.problem() + ".", e);
    }
  }

  /**
   * The embedding of an image of any size and colour model: its pixels as image folders read them
   * ({@link ImageDecoder#pixels}), the short side resized to the run's size and the centre cut.
   */
  public float[] embed(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int c = checkpoint.channels();
    byte[] px = ImageDecoder.pixels(image, c);
    float[] chw = new float[px.length];
    for (int k = 0; k < px.length; k++) {
      chw[k] = (px[k] & 0xFF) / 255f;
    }
    return embed(chw, new ImageShape(c, h, w));
  }

  /**
   * The embedding of an image given as floats in [0, 1], channel-major (C x H x W), with the run's channel
   * count ({@link RunCheckpoint#channels()}) and any height and width.
   */
  public float[] embed(float[] chw, int height, int width) {
    return embed(chw, new ImageShape(checkpoint.channels(), height, width));
  }

  private synchronized float[] embed(float[] chw, ImageShape in) {
    if (closed) {
      throw new IllegalStateException("this Embedder is closed");
    }
    if (chw.length != in.size()) {
      throw new IllegalArgumentException(
          "an image of shape " + in + " has " + in.size() + " values, got " + chw.length + ".");
    }
    ViewPipeline eval = checkpoint.evalTransform(in);
    ImageShape out = eval.outputShape(in);
    float[] prepared = new float[out.size()];
    eval.apply(chw, in, prepared, new SplittableRandom(0), scratch);
    try (NDManager step = net.manager().newSubManager()) {
      long[] shape = {1, out.channels(), out.height(), out.width()};
      return net.features(step.create(prepared, new Shape(shape)), false).toFloatArray();
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      net.close();
    }
  }
}
