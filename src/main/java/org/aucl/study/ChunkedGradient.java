package org.aucl.study;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Collection;
import org.aucl.augment.ImageShape;
import org.aucl.model.ContrastiveNet;

/**
 * Gradients of a loss over many images with respect to a network's parameters in bounded memory (the
 * "GradCache" technique of Gao et al. 2021): the projections z of all views are computed in chunks
 * without a graph, the loss and dL/dz are computed on the small z matrix alone, then each chunk is run
 * forward again with a graph and back-propagated with its rows of dL/dz, the parameters' gradients
 * adding up over the chunks. The result is the gradient of the whole loss, as one forward and backward
 * over all images would give, while only one chunk's activations are ever held.
 *
 * <p>BatchNorm runs in evaluation mode (running statistics), so each view's projection depends on that
 * view alone: the network is a fixed function of each image, which is what makes the chunked gradient
 * equal the one-shot gradient, and a mean of gradients the gradient of the mean cotangent
 * ({@link #backward} is linear in its argument).
 */
public final class ChunkedGradient {
  private final ContrastiveNet net;
  private final FixedViews views;
  private final int chunk;
  private int dim = -1;

  /** @param chunk views per forward pass, at least 1 */
  public ChunkedGradient(ContrastiveNet net, FixedViews views, int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("A chunk holds at least one view, got " + chunk + ".");
    }
    this.net = net;
    this.views = views;
    this.chunk = chunk;
  }

  /** The L2-normalised projections of the 2N views, row-major 2N x d, computed without a graph. */
  public float[] projections() {
    int rows = 2 * views.pool();
    float[] z = null;
    for (int start = 0; start < rows; start += chunk) {
      int n = Math.min(chunk, rows - start);
      try (NDManager step = net.manager().newSubManager()) {
        float[] part = net.forward(input(step, start, n), false).get(1).toFloatArray();
        if (z == null) {
          dim = part.length / n;
          z = new float[Math.multiplyExact(rows, dim)];
        }
        System.arraycopy(part, 0, z, start * dim, part.length);
      }
    }
    return z;
  }

  /** d, the width of a projection (known after {@link #projections()}). */
  public int dim() {
    if (dim < 0) {
      throw new IllegalStateException("Call projections() first.");
    }
    return dim;
  }

  /**
   * The gradient of {@code sum_k <z_k, c_k>} with respect to the network's parameters, flattened in the
   * order of {@link ContrastiveNet#parameters()}: with {@code c = dL/dz}, the gradient of L.
   *
   * @param cotangent c, 2N x d in the layout of {@link #projections()}; rows of zeros are skipped
   */
  public double[] backward(double[] cotangent) {
    int rows = 2 * views.pool();
    int d = dim();
    if (cotangent.length != (long) rows * d) {
      throw new IllegalArgumentException("Expected a " + rows + " x " + d + " cotangent, got " + cotangent.length + " values.");
    }
    Collection<NDArray> params = net.parameters().values();
    zeroGradients(params);
    for (int start = 0; start < rows; start += chunk) {
      int n = Math.min(chunk, rows - start);
      float[] c = new float[n * d];
      boolean any = false;
      for (int i = 0; i < c.length; i++) {
        c[i] = (float) cotangent[start * d + i];
        any |= c[i] != 0;
      }
      if (!any) {
        continue; // no view of this chunk was in any batch: its contribution is zero
      }
      try (NDManager step = net.manager().newSubManager()) {
        NDArray x = input(step, start, n);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray z = net.forward(x, false).get(1);
          gc.backward(z.mul(step.create(c, new Shape(n, d))).sum());
        }
      }
    }
    return readAndZero(params);
  }

  private NDArray input(NDManager step, int start, int n) {
    ImageShape s = views.shape();
    int size = s.size();
    float[] part = Arrays.copyOfRange(views.images(), start * size, (start + n) * size);
    return step.create(part, new Shape(n, s.channels(), s.height(), s.width()));
  }

  /** Every parameter's gradient, flattened, in float64; the gradients are zeroed after reading. */
  static double[] readAndZero(Collection<NDArray> params) {
    long total = 0;
    for (NDArray w : params) {
      total += w.size();
    }
    double[] out = new double[Math.toIntExact(total)];
    int at = 0;
    for (NDArray w : params) {
      try (NDManager tmp = w.getManager().newSubManager()) {
        tmp.tempAttachAll(w);
        NDArray g = w.getGradient();
        float[] v = g.toFloatArray();
        for (int i = 0; i < v.length; i++) {
          out[at + i] = v[i];
        }
        zero(w, g);
      }
      at += Math.toIntExact(w.size());
    }
    return out;
  }

  static void zeroGradients(Collection<NDArray> params) {
    for (NDArray w : params) {
      try (NDManager tmp = w.getManager().newSubManager()) {
        tmp.tempAttachAll(w);
        zero(w, w.getGradient());
      }
    }
  }

  /** PyTorch adds every backward pass into the gradient: set it to zero in place. */
  private static void zero(NDArray w, NDArray g) {
    if (w instanceof PtNDArray p) {
      JniUtils.zeroGrad(p);
    } else {
      g.subi(g);
    }
  }
}
