package org.aucl.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.aucl.util.FileTrees;
import org.aucl.util.UserException;

/** The layout of a run directory: everything one pretraining run makes, under one folder. */
public record RunDirectory(Path root) {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** {@code runs/<date-time>-<objective>-<dataset>} under the working directory. */
  public static Path defaultPath(String objective, String dataset) {
    String safe = dataset.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
    return Path.of("runs", LocalDateTime.now().format(STAMP) + "-" + objective + "-" + safe);
  }

  /** Refuses a folder that already holds a run, so nothing is overwritten (before any work starts). */
  public static void requireFree(Path root) {
    if (Files.exists(root.resolve("config.json"))) {
      throw new UserException(
          "run directory " + root + " already holds a run; choose another --out or continue it with --resume " + root + ".");
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new UserException("cannot create run directory " + root + ": a file of that name exists.");
    }
  }

  /** Creates a fresh run directory; refuses one that already holds a run, so nothing is overwritten. */
  public static RunDirectory create(Path root) {
    requireFree(root);
    try {
      Files.createDirectories(root.resolve("checkpoints"));
    } catch (IOException e) {
      throw new UserException("cannot create run directory " + root + ": " + e.getMessage(), e);
    }
    return new RunDirectory(root);
  }

  /**
   * Opens an existing run directory to resume it (a run killed before its first checkpoint starts over
   * from its config.json).
   */
  public static RunDirectory open(Path root) {
    if (!Files.isRegularFile(root.resolve("config.json"))) {
      throw new UserException("cannot resume " + root + ": it has no config.json, so it is not an aucl run directory.");
    }
    return new RunDirectory(root);
  }

  public Path config() {
    return root.resolve("config.json");
  }

  public Path metrics() {
    return root.resolve("metrics.jsonl");
  }

  public Path summary() {
    return root.resolve("summary.json");
  }

  public Path lastCheckpoint() {
    return root.resolve("checkpoints").resolve("last");
  }

  public Path bestCheckpoint() {
    return root.resolve("checkpoints").resolve("best");
  }

  /** Copies checkpoints/last to checkpoints/best (through a temporary folder). */
  public void promoteLastToBest() {
    Path tmp = root.resolve("checkpoints").resolve("best.tmp");
    try {
      FileTrees.delete(tmp);
      Files.createDirectories(tmp);
      try (var files = Files.list(lastCheckpoint())) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, tmp.resolve(f.getFileName()));
        }
      }
      FileTrees.delete(bestCheckpoint());
      Files.move(tmp, bestCheckpoint());
    } catch (IOException e) {
      try {
        FileTrees.delete(tmp); // the old best, if any, is untouched
      } catch (IOException ignored) {
        // the copy already failed; its message is the one that matters
      }
      throw new UncheckedIOException("could not write " + bestCheckpoint() + ": " + e.getMessage(), e);
    }
  }
}
