package org.aucl.study;

import ai.djl.ndarray.NDArray;
import org.aucl.loss.ContrastiveObjective;

/**
 * The loss of a batch of pairs as one differentiable scalar: {@code z1} and {@code z2} are B x d, row i
 * of each from image i. The study takes its gradient with respect to the embeddings only.
 */
@FunctionalInterface
public interface PairLoss {
  NDArray of(NDArray z1, NDArray z2);

  /**
   * An objective's loss. It must hold no variable that takes a gradient and update nothing in forward
   * (AUC-CL with a, b and alpha fixed; NT-Xent; DCL), so that every batch sees the same function.
   */
  static PairLoss of(ContrastiveObjective objective) {
    if (!objective.minimisedVariables().isEmpty()) {
      throw new IllegalArgumentException("The gradient study holds the objective's variables fixed, but "
          + objective.name() + " still learns " + objective.minimisedVariables().keySet() + ".");
    }
    return (z1, z2) -> objective.forward(z1, z2, null).loss();
  }
}
