package org.aucl.cli;

import java.nio.file.Path;
import org.aucl.run.RunCheckpoint;
import picocli.CommandLine.Option;

/** {@code --checkpoint last|best}, declared once for every command that reads a run's checkpoint. */
public final class CheckpointOption {
  @Option(names = "--checkpoint", paramLabel = "last|best", description = "last or best. Default: ${DEFAULT-VALUE}.")
  String which = "last";

  /** The chosen checkpoint of the run in {@code runDir}. */
  RunCheckpoint open(Path runDir) {
    return RunCheckpoint.open(runDir, which);
  }
}
