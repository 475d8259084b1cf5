package org.aucl.method.teacher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * DINO's centring of the teacher outputs: a 1 x K running mean, subtracted from the teacher's logits
 * before its softmax so that no single output dimension dominates (which, with the sharpening of a
 * low teacher temperature, prevents collapse).
 *
 * <p>After each step: {@code center <- m center + (1 - m) mean over the batch of t}, the mean taken
 * over the rows of both global views' teacher outputs together; m = 0.9 by default, the centre starts
 * at 0. The centre lives in its own manager, which {@link #close()} releases.
 */
public final class OutputCenter implements AutoCloseable {
  private final NDManager manager;
  private final double momentum;
  private NDArray center;

  /**
   * @param parent the manager whose device the centre lives on (a sub-manager of it holds the centre)
   * @param dim K, the number of outputs
   * @param momentum m in [0, 1]
   */
  public OutputCenter(NDManager parent, int dim, double momentum) {
    if (dim < 1) {
      throw new IllegalArgumentException("The centre needs at least one dimension, got " + dim + ".");
    }
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("The centre momentum must be in [0, 1], got " + momentum + ".");
    }
    this.manager = parent.newSubManager();
    manager.setName("OutputCenter");
    this.momentum = momentum;
    this.center = manager.zeros(new Shape(1, dim));
  }

  /** DINO's momentum 0.9. */
  public OutputCenter(NDManager parent, int dim) {
    this(parent, dim, 0.9);
  }

  /** The current centre, 1 x K (owned by this object). */
  public NDArray get() {
    return center;
  }

  /**
   * Moves the centre towards the mean of the teacher outputs (each N x K) of this step. The batch mean
   * is a temporary of the outputs' manager (the caller's step); only the new centre is kept here.
   */
  public void update(NDList teacherOutputs) {
    NDArray batchMean = NDArrays.concat(teacherOutputs, 0).mean(new int[] {0}, true)
        .toDevice(manager.getDevice(), false).mul((float) (1 - momentum));
    try (NDManager tmp = manager.newSubManager()) {
      tmp.tempAttachAll(center); // the products of center land in tmp, closed below
      NDArray next = center.mul((float) momentum).add(batchMean);
      next.attach(manager);
      center.close();
      center = next;
    }
  }

  /** Replaces the centre (to restore a checkpoint); {@code values} holds K floats. */
  public void set(float[] values) {
    if (values.length != center.size()) {
      throw new IllegalArgumentException("The centre has " + center.size() + " values, got " + values.length + ".");
    }
    center.set(values);
  }

  @Override
  public void close() {
    manager.close();
  }
}
