package org.aucl.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one host read of a step, which also tells whether the step is finite: the loss plus zero times
 * the sum of every gradient. A finite loss and finite gradients give the loss exactly (x + 0 = x);
 * a NaN or infinity anywhere gives NaN.
 */
final class FiniteGuard {
  private FiniteGuard() {}

  /**
   * @param loss the step's scalar loss
   * @param variables the variables backward has filled (those without a gradient are skipped)
   * @param step the step's manager: the gradients' views and sums are made there
   * @return the loss, or NaN when the loss or any gradient is not finite
   */
  static double lossIfFinite(NDArray loss, Collection<NDArray> variables, NDManager step) {
    List<NDArray> sums = new ArrayList<>();
    for (NDArray v : variables) {
      if (v.hasGradient()) {
        NDArray g = v.getGradient();
        g.attach(step);
        sums.add(g.sum());
      }
    }
    NDArray check = loss;
    if (!sums.isEmpty()) {
      NDArray total = sums.size() == 1 ? sums.get(0) : ai.djl.ndarray.NDArrays.stack(new ai.djl.ndarray.NDList(sums)).sum();
      check = loss.add(total.mul(0));
    }
    double value = check.getFloat();
    return Double.isFinite(value) ? value : Double.NaN;
  }
}
