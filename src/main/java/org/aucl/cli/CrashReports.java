package org.aucl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the stack trace of an internal error (a bug, not a user's mistake) is kept: the run
 * directory of the command when it has one, else the system's temporary folder.
 */
final class CrashReports {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static volatile Path runDirectory;

  private CrashReports() {}

  /** The run directory of the command now running (its errors are written there). */
  static void setRunDirectory(Path dir) {
    runDirectory = dir;
  }

  /** Writes the trace of {@code error}; returns the file, or null when nothing could be written. */
  static Path write(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String name = "error-" + LocalDateTime.now().format(STAMP) + ".txt";
    Path dir = runDirectory != null ? runDirectory : Path.of(System.getProperty("java.io.tmpdir"));
    try {
      Path file = dir.resolve(runDirectory != null ? name : "aucl-" + name);
      Files.writeString(file, trace.toString());
      return file;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
