package org.aucl.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where one run of a sweep stands, read from its folder alone, so that a killed sweep can continue. */
public enum RunStatus {
  /** No config.json: the run has not started (an empty folder left by a kill counts as not started). */
  NEW,
  /** config.json but no summary.json: started and killed; continued with the run's resume. */
  STARTED,
  /** summary.json written: training finished (its linear probe may still be missing). */
  FINISHED,
  /**
   * {@link #DIVERGED_FILE} written: a step's loss or gradient became non-finite. The sweep skips it
   * (a deterministic divergence would recur); delete the file to resume the run from its last checkpoint
   * (docs/RELIABILITY.md: the native kernels have given non-finite gradients that a resume did not
   * reproduce).
   */
  DIVERGED;

  /** The file in a run's folder that records why it diverged. */
  public static final String DIVERGED_FILE = "diverged.txt";

  public static RunStatus of(Path dir) {
    RunDirectory run = new RunDirectory(dir);
    if (Files.isRegularFile(run.summary())) {
      return FINISHED;
    }
    if (Files.isRegularFile(dir.resolve(DIVERGED_FILE))) {
      return DIVERGED;
    }
    return Files.isRegularFile(run.config()) ? STARTED : NEW;
  }
}
