package org.aucl.util;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file written in pieces under a temporary name beside its target, renamed into place by {@link
 * #commit()}: a reader never sees it half-written, and closing it uncommitted (an error, an
 * interruption) deletes the temporary file and leaves the target as it was.
 */
public final class PendingFile implements AutoCloseable {
  private final Path target;
  private final Path tmp;
  private boolean done;

  private PendingFile(Path target, Path tmp) {
    this.target = target;
    this.tmp = tmp;
  }

  /** Creates the temporary file (and the target's folder). */
  public static PendingFile begin(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      return new PendingFile(target, AtomicFiles.createTemp(dir, target));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Where the content goes until {@link #commit()}. */
  public Path tmp() {
    return tmp;
  }

  public Path target() {
    return target;
  }

  /** A new stream over the temporary file, from its start. */
  public OutputStream open() throws IOException {
    return Files.newOutputStream(tmp);
  }

  /** Renames the temporary file to the target, replacing it. */
  public void commit() {
    try {
      AtomicFiles.move(tmp, target);
      done = true;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() {
    if (!done) {
      done = true;
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // garbage either way; the target is untouched
      }
    }
  }
}
