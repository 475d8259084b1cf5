package org.aucl.train;

/**
 * A step's loss or gradient was not finite and {@code --on-nan stop} (the default) ends the run; the
 * last checkpoint written before it is kept. The command line exits with {@link #EXIT_CODE}.
 */
public final class NonFiniteStepException extends RuntimeException {
  /** Exit code of a run stopped by a non-finite step (docs/RELIABILITY.md). */
  public static final int EXIT_CODE = 3;

  NonFiniteStepException(String message) {
    super(message);
  }
}
