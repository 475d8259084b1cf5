package org.aucl.method;

/**
 * Where a step stands in the run, for methods whose settings follow a schedule (a teacher's momentum,
 * a temperature warm-up, a layer frozen during the first epoch).
 *
 * @param step global step about to run, from 0
 * @param stepsPerEpoch optimiser steps in one epoch
 * @param totalSteps optimiser steps of the whole run
 */
public record StepClock(long step, long stepsPerEpoch, long totalSteps) {
  public StepClock {
    if (step < 0 || stepsPerEpoch < 1 || totalSteps < stepsPerEpoch) {
      throw new IllegalArgumentException(
          "invalid step clock: step " + step + ", " + stepsPerEpoch + " per epoch, " + totalSteps + " in all.");
    }
  }

  /** The epoch this step belongs to, from 1. */
  public int epoch() {
    return (int) (step / stepsPerEpoch) + 1;
  }
}
