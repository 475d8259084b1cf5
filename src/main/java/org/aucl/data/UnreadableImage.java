package org.aucl.data;

import java.nio.file.Path;
import org.aucl.util.UserException;

/** An image file whose pixels cannot be decoded: the user's data, not a bug (exit code 2). */
public final class UnreadableImage extends UserException {
  private final transient Path file;
  private final String problem;

  UnreadableImage(Path file, String problem, Throwable cause) {
    super("Cannot decode image " + file + ": " + problem + "; remove it, or leave such files out with --on-bad-image skip.",
        cause);
    this.file = file;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  /** Why, in a few words. */
  public String problem() {
    return problem;
  }
}
