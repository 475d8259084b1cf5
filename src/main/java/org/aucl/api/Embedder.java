package org.aucl.api;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.aucl.augment.ImageShape;
import org.aucl.augment.Scratch;
import org.aucl.augment.ViewPipeline;
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

  /** The embedding of an image file (PNG, JPEG, BMP or GIF). */
  public float[] embed(Path imageFile) {
    BufferedImage img;
    try {
      img = ImageIO.read(imageFile.toFile());
    } catch (IOException e) {
      throw new UserException("Cannot read image " + imageFile + ": " + e.getMessage() + ".", e);
    }
    if (img == null) {
      throw new UserException("Cannot decode image " + imageFile + ": no image reader recognises its content.");
    }
    return embed(img);
  }

  /** The embedding of an image of any size and colour model. */
  public float[] embed(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    int c = checkpoint.channels();
    float[] chw = new float[c * h * w];
    for (int p = 0; p < h * w; p++) {
      float r = ((argb[p] >>> 16) & 0xFF) / 255f;
      float g = ((argb[p] >>> 8) & 0xFF) / 255f;
      float b = (argb[p] & 0xFF) / 255f;
      if (c == 3) {
        chw[p] = r;
        chw[h * w + p] = g;
        chw[2 * h * w + p] = b;
      } else {
        chw[p] = 0.299f * r + 0.587f * g + 0.114f * b; // ITU-R 601-2 luma, as the image-folder reader
      }
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
