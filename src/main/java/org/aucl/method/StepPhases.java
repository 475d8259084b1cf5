package org.aucl.method;

import java.util.EnumMap;
import java.util.Map;

/**
 * Wall time of a training step split into its phases, summed over steps, for {@code aucl bench train
 * --phases} (docs/MODELS.md, "Where a step's time goes"). A phase ends when {@link #lap} names it;
 * the CPU engine runs each operation before returning, so the boundaries are exact there (on a GPU
 * they would measure launch time only).
 */
public final class StepPhases {
  /** The phases of a two-view step, in order. */
  public enum Phase {
    /** Batch arrays from the Java heap to the device. */
    INPUT,
    /** Both views through encoder and projector. */
    FORWARD,
    /** The objective's forward, its statistics included. */
    LOSS,
    /** Back-propagation. */
    BACKWARD,
    /** The step's read of the loss and the finiteness check. */
    READ,
    /** The optimiser and the objective's own update. */
    OPTIMIZER,
    /** Closing the step's arrays. */
    FREE
  }

  /** A recorder that records nothing: the default of every step. */
  public static final StepPhases OFF = new StepPhases(false);

  private final boolean on;
  private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
  private long mark;

  private StepPhases(boolean on) {
    this.on = on;
  }

  /** A recorder that records. */
  public static StepPhases recording() {
    return new StepPhases(true);
  }

  /** Starts the clock of a step's first phase. */
  public void begin() {
    if (on) {
      mark = System.nanoTime();
    }
  }

  /** Ends {@code phase}: the time since the last mark is added to it. */
  public void lap(Phase phase) {
    if (on) {
      long now = System.nanoTime();
      nanos.merge(phase, now - mark, Long::sum);
      mark = now;
    }
  }

  /** Seconds recorded per phase, in phase order (phases never reached are absent). */
  public Map<Phase, Double> seconds() {
    Map<Phase, Double> s = new EnumMap<>(Phase.class);
    nanos.forEach((p, n) -> s.put(p, n / 1e9));
    return s;
  }

  /** Forgets everything recorded (after warm-up steps). */
  public void reset() {
    nanos.clear();
  }
}
