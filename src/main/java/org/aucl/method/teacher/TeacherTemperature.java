package org.aucl.method.teacher;

/**
 * DINO's teacher temperature schedule, per epoch: {@code numpy.linspace(start, end, warmupEpochs)}
 * over the first {@code warmupEpochs} epochs (epoch e gets {@code start + e (end - start) /
 * (warmupEpochs - 1)}, so {@code end} is reached at epoch {@code warmupEpochs - 1}), then {@code end}.
 * DINO's defaults: 0.04 to 0.07 over 30 epochs.
 */
public record TeacherTemperature(double start, double end, int warmupEpochs) {

  public TeacherTemperature {
    if (!(start > 0) || !(end > 0) || Double.isInfinite(start) || Double.isInfinite(end)) {
      throw new IllegalArgumentException("Teacher temperatures must be finite and positive, got " + start + " and "
          + end + ".");
    }
    if (warmupEpochs < 0) {
      throw new IllegalArgumentException("Warm-up epochs must be >= 0, got " + warmupEpochs + ".");
    }
  }

  /** 0.04 to 0.07 over {@code warmupEpochs} (DINO uses 30). */
  public static TeacherTemperature dino(int warmupEpochs) {
    return new TeacherTemperature(0.04, 0.07, warmupEpochs);
  }

  /** The temperature of epoch {@code epoch} (0-based). */
  public double at(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("The epoch must be >= 0, got " + epoch + ".");
    }
    if (epoch >= warmupEpochs) {
      return end;
    }
    return warmupEpochs == 1 ? start : start + epoch * (end - start) / (warmupEpochs - 1);
  }
}
