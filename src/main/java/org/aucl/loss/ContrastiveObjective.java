package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A self-supervised contrastive objective over two views' projector outputs.
 *
 * <p>Who updates what is explicit: {@link #minimisedVariables()} are trained by the network's
 * optimiser (gradient descent, no weight decay); everything else the objective keeps (AUC-CL's
 * alpha, SogCLR's moving averages) is updated by the objective itself in {@link #afterStep()}.
 */
public interface ContrastiveObjective extends AutoCloseable {
  /** Registry name, e.g. "auc-cl". */
  String name();

  /**
   * Creates the objective's state on {@code manager} (which outlives training). {@code datasetSize}
   * sizes per-image state (SogCLR); others ignore it.
   */
  void initialize(NDManager manager, int datasetSize);

  /**
   * The loss of one step.
   *
   * @param z1 projector outputs of view 1, B x d (normalised here if not already)
   * @param z2 projector outputs of view 2, B x d; row i of z1 and z2 come from the same image
   * @param indices dataset indices of the B images (int64, shape B); may be null for objectives
   *     that do not need them
   */
  ObjectiveOutput forward(NDArray z1, NDArray z2, NDArray indices);

  /** Variables minimised by the network's optimiser, by name; gradients attached. Empty if none. */
  Map<String, NDArray> minimisedVariables();

  /** Updates that are not the optimiser's (dual ascent, moving averages), after the optimiser step. */
  void afterStep();

  /** Scalar state for logs and config (a, b, alpha, ...). */
  Map<String, Double> scalars();

  /** Writes the objective's state for a checkpoint. */
  void save(DataOutputStream out) throws IOException;

  /** Restores state written by {@link #save}; call after {@link #initialize}. */
  void load(DataInputStream in) throws IOException;

  @Override
  default void close() {}
}
