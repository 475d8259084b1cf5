package org.aucl.cli;

import java.nio.file.Path;
import org.aucl.data.Datasets;
import picocli.CommandLine.Option;

/** {@code --data-dir}, declared once for every command that looks datasets up by name. */
public final class DataDirOption {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where named datasets live: default $AUCL_DATA, else ~/.aucl/data (then /usr/share/datasets); "
          + "for a run's evaluation, the run's.")
  Path dir;

  /** The folder given, or null. */
  Path given() {
    return dir;
  }

  /** The folder given, else the default ($AUCL_DATA or ~/.aucl/data). */
  Path orDefault() {
    return dir != null ? dir : Datasets.defaultDataDir();
  }
}
