package org.aucl.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one host read of a step, which also tells whether the step is finite: the loss plus zero times
 * the sum of every gradient, followed by the objective's statistics. A finite loss and finite
 * gradients give the loss exactly (x + 0 = x); a NaN or infinity anywhere gives NaN.
 */
public final class FiniteGuard {
  private FiniteGuard() {}

  /**
   * @param loss the step's scalar loss
   * @param variables the variables backward has filled (those without a gradient are skipped)
   * @param statistics a float64 vector read in the same transfer (null: none)
   * @param step the step's manager: the gradients' views and sums are made there
   * @return the loss (NaN when the loss or any gradient is not finite), then {@code statistics}' values
   */
  public static double[] read(NDArray loss, Collection<NDArray> variables, NDArray statistics, NDManager step) {
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
      NDArray total = sums.size() == 1 ? sums.get(0) : NDArrays.stack(new NDList(sums)).sum();
      check = loss.add(total.mul(0));
    }
    NDArray first = check.stopGradient().toType(DataType.FLOAT64, false).reshape(1);
    NDArray all = statistics == null ? first : NDArrays.concat(new NDList(first, statistics.toType(DataType.FLOAT64, false)));
    double[] values = all.toDoubleArray();
    if (!Double.isFinite(values[0])) {
      values[0] = Double.NaN;
    }
    return values;
  }
}
