package org.aucl.method.teacher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DINO's gradient clipping ({@code utils.clip_gradients}), which works per parameter tensor, not on
 * the global norm: each gradient whose L2 norm exceeds {@code maxNorm} is scaled by
 * {@code maxNorm / (norm + 1e-6)}; the others are left alone. DINO's default maxNorm is 3.
 */
public final class GradientClipping {
  private static final double EPS = 1e-6;

  private GradientClipping() {}

  /**
   * Clips the gradients of {@code params} in place; returns each gradient's norm before clipping
   * (parameters without a gradient are skipped).
   */
  public static Map<String, Double> clipPerTensor(Map<String, NDArray> params, double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("The clipping norm must be positive, got " + maxNorm + ".");
    }
    Map<String, Double> norms = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray w = e.getValue();
      if (!w.hasGradient()) {
        continue;
      }
      try (NDManager tmp = w.getManager().newSubManager()) {
        tmp.tempAttachAll(w);
        NDArray g = w.getGradient();
        double norm = g.norm().getFloat();
        norms.put(e.getKey(), norm);
        double coef = maxNorm / (norm + EPS);
        if (coef < 1) {
          g.muli(coef);
        }
      }
    }
    return norms;
  }
}
