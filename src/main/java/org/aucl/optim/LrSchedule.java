package org.aucl.optim;

/**
 * Linear warm-up then cosine decay: for step s (0-based) of {@code totalSteps},
 * lr(s) = base (s + 1) / warmup while s < warmup, then
 * floor + (base - floor) (1 + cos(pi (s - warmup) / (total - warmup))) / 2; past the end, floor.
 */
public record LrSchedule(double baseLr, long warmupSteps, long totalSteps, double floorLr) {

  public LrSchedule {
    if (!(baseLr > 0) || floorLr < 0 || floorLr > baseLr) {
      throw new IllegalArgumentException("Schedule needs base lr > 0 and 0 <= floor <= base.");
    }
    if (warmupSteps < 0 || totalSteps < 1 || warmupSteps > totalSteps) {
      throw new IllegalArgumentException("Schedule needs 0 <= warm-up steps <= total steps and total >= 1, got warm-up " + warmupSteps + " of " + totalSteps + ".");
    }
  }

  /** A constant rate. */
  public static LrSchedule constant(double lr) {
    return new LrSchedule(lr, 0, Long.MAX_VALUE, lr);
  }

  public double lr(long step) {
    if (step < warmupSteps) {
      return baseLr * (step + 1) / warmupSteps;
    }
    if (step >= totalSteps) {
      return floorLr;
    }
    double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
    return floorLr + (baseLr - floorLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }
}
