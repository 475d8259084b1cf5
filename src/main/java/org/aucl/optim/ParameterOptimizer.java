package org.aucl.optim;

import ai.djl.ndarray.NDArray;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Updates named parameters in place from their gradients (as left by a backward pass), then zeroes
 * the gradients (DJL's PyTorch engine accumulates them across backward passes).
 *
 * <p>Ours rather than DJL's: DJL's Adam couples the L2 term into the gradient and cannot leave some
 * parameters out of weight decay (the objective's variables, BatchNorm and biases for LARS).
 */
public interface ParameterOptimizer extends AutoCloseable {
  /** Registry name: adamw, sgd, lars. */
  String name();

  /** One update of every parameter in {@code params} that has a gradient, at learning rate {@code lr}. */
  default void step(Map<String, NDArray> params, double lr) {
    step(params, lr, name -> false);
  }

  /**
   * One update at learning rate {@code lr}, except that the parameters whose name {@code frozen}
   * matches are left alone this step: their gradients are dropped (zeroed), their values and state
   * (moments) do not change, and they are not decayed (DINO's frozen last layer). The step count is
   * the optimiser's, shared by all parameters: a parameter updated for the first time after frozen
   * steps gets the bias correction of the global step (PyTorch counts steps per parameter).
   */
  void step(Map<String, NDArray> params, double lr, Predicate<String> frozen);

  /**
   * Replaces the weight decay from the next step on (a schedule sets it before every step); it is not
   * part of {@link #save}, so a schedule must set it again after {@link #load}.
   */
  void setWeightDecay(double weightDecay);

  /**
   * Zeroes the gradients of {@code params} without updating anything (a step that is skipped because
   * its loss or gradient is not finite); the step count does not move.
   */
  void discard(Map<String, NDArray> params);

  /** Parameters whose name matches are left out of weight decay (and of LARS's adaptation); cumulative. */
  void excludeFromWeightDecay(Predicate<String> names);

  /** True if {@code name} is left out of weight decay. */
  boolean excludedFromWeightDecay(String name);

  /** Steps taken so far (restored by {@link #load}). */
  long stepCount();

  /** Writes the state (step count, moments) for a checkpoint. */
  void save(DataOutputStream out) throws IOException;

  /** Restores state written by {@link #save}; moments are placed on the parameters' device at the next step. */
  void load(DataInputStream in) throws IOException;

  @Override
  void close();
}
