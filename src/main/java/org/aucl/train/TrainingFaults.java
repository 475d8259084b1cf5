package org.aucl.train;

import org.aucl.run.Checkpoints;
/**
 * Ways a pretraining invocation can be cut short or fail, which tests install to prove that a run
 * survives them (docs/RELIABILITY.md): a kill just after a step, a step that turns non-finite once,
 * a disk that fills up. Nothing in aucl installs one; the default does nothing.
 */
public interface TrainingFaults {
  /** No faults. */
  TrainingFaults NONE = new TrainingFaults() {};

  /**
   * True to end the invocation after global step {@code step} with a mid-epoch checkpoint, as a kill
   * just after that checkpoint would; {@link Pretrainer#run} then returns null.
   */
  default boolean killAfterStep(long step) {
    return false;
  }

  /** True to count the first try of global step {@code step} as non-finite without running it, as a native NaN would. */
  default boolean nonFiniteFirstTry(long step) {
    return false;
  }

  /** The writer of one checkpoint part, as the disk sees it (a test wraps it to fill the disk). */
  default Checkpoints.PartWriter checkpointWriter(Checkpoints.PartWriter writer) {
    return writer;
  }

  /** The faults invocations started from now on meet. */
  static TrainingFaults current() {
    return Installed.faults;
  }

  /** Installs {@code faults} until the returned handle is closed. */
  static Installed install(TrainingFaults faults) {
    Installed.faults = faults;
    return new Installed();
  }

  /** The handle of an installation: closing it puts {@link #NONE} back. */
  final class Installed implements AutoCloseable {
    private static volatile TrainingFaults faults = NONE;

    private Installed() {}

    @Override
    public void close() {
      faults = NONE;
    }
  }
}
