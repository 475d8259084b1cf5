package org.aucl.method.teacher;

/**
 * DINO's {@code cosine_scheduler} as a function of the global step: a linear warm-up from
 * {@code warmupStart} to {@code base} over {@code warmupSteps} (numpy.linspace, so step
 * {@code warmupSteps - 1} already gives {@code base}), then over the remaining
 * {@code R = totalSteps - warmupSteps} steps {@code end + (base - end) (1 + cos(pi i / R)) / 2} for
 * i = 0 .. R - 1. Used for the weight decay (0.04 to 0.4, no warm-up), the teacher momentum (0.996
 * to 1) and DINO's learning rate.
 */
public record CosineSchedule(double base, double end, long totalSteps, long warmupSteps, double warmupStart) {

  public CosineSchedule {
    if (totalSteps < 1 || warmupSteps < 0 || warmupSteps >= totalSteps) {
      throw new IllegalArgumentException("A cosine schedule needs 0 <= warm-up steps < total steps, got "
          + warmupSteps + " and " + totalSteps + ".");
    }
    if (!Double.isFinite(base) || !Double.isFinite(end) || !Double.isFinite(warmupStart)) {
      throw new IllegalArgumentException("Schedule values must be finite, got " + base + ", " + end + ", "
          + warmupStart + ".");
    }
  }

  /** Without warm-up: from {@code base} at step 0 towards {@code end}. */
  public static CosineSchedule of(double base, double end, long totalSteps) {
    return new CosineSchedule(base, end, totalSteps, 0, 0);
  }

  /** DINO's weight decay schedule: 0.04 to 0.4. */
  public static CosineSchedule dinoWeightDecay(long totalSteps) {
    return of(0.04, 0.4, totalSteps);
  }

  /** The value at global step {@code step} (0-based; steps past the end keep the last value). */
  public double at(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("The step must be >= 0, got " + step + ".");
    }
    if (step < warmupSteps) {
      return warmupSteps == 1 ? warmupStart : warmupStart + step * (base - warmupStart) / (warmupSteps - 1);
    }
    long rest = totalSteps - warmupSteps;
    long i = Math.min(step - warmupSteps, rest - 1);
    return end + 0.5 * (base - end) * (1 + Math.cos(Math.PI * i / rest));
  }
}
