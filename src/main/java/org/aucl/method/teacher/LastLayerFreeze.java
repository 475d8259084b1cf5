package org.aucl.method.teacher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.function.Predicate;

/**
 * DINO keeps the head's last layer fixed during the first epoch(s) ({@code freeze_last_layer = 1}):
 * it drops those gradients ({@code p.grad = None}), so AdamW neither moves nor decays those
 * parameters and their moments stay untouched. Zeroing the gradient, which {@link #zeroGradients}
 * does, is the same for the loss but not for an optimiser with weight decay or momentum; to match
 * DINO exactly the optimiser must skip the parameters that {@link #frozen} selects.
 */
public final class LastLayerFreeze {
  private final int epochs;
  private final Predicate<String> lastLayer;

  /**
   * @param epochs how many epochs from the start the last layer stays fixed (DINO: 1)
   * @param lastLayer which parameter names belong to the last layer (e.g. DinoHead::isLastLayer on
   *     the names the method gives them)
   */
  public LastLayerFreeze(int epochs, Predicate<String> lastLayer) {
    if (epochs < 0) {
      throw new IllegalArgumentException("Freeze epochs must be >= 0, got " + epochs + ".");
    }
    this.epochs = epochs;
    this.lastLayer = lastLayer;
  }

  /** True if parameter {@code name} must not be updated in epoch {@code epoch} (0-based). */
  public boolean frozen(String name, int epoch) {
    return epoch < epochs && lastLayer.test(name);
  }

  /** Zeroes, in place, the gradients of the parameters frozen in {@code epoch}. */
  public void zeroGradients(Map<String, NDArray> params, int epoch) {
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray w = e.getValue();
      if (!frozen(e.getKey(), epoch) || !w.hasGradient()) {
        continue;
      }
      try (NDManager tmp = w.getManager().newSubManager()) {
        tmp.tempAttachAll(w);
        NDArray g = w.getGradient();
        g.subi(g);
      }
    }
  }
}
