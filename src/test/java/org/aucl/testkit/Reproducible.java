package org.aucl.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.opentest4j.AssertionFailedError;

/**
 * Comparisons of two runs' bytes (a resumed run against an uninterrupted one). On some processors of
 * the machine kind PyTorch's kernels read memory they do not own (docs/RELIABILITY.md, "Known native
 * problems"), so in rare runs a result differs whatever aucl does; such a comparison is made again
 * from scratch, up to {@link #ATTEMPTS} times in all. A resume that is wrong differs every time and
 * still fails; any other assertion fails at once.
 */
public final class Reproducible {
  public static final int ATTEMPTS = 3;

  private Reproducible() {}

  /** Two runs' bytes that should be equal were not. */
  public static final class Differs extends AssertionFailedError {
    Differs(String message) {
      super(message);
    }
  }

  /** A test body that makes its runs under {@code dir} (a fresh folder per attempt). */
  @FunctionalInterface
  public interface Body {
    void run(Path dir) throws Exception;
  }

  /** Runs {@code body} until it passes, {@link #ATTEMPTS} times at most when only a byte comparison fails. */
  public static void attempt(Path root, Body body) throws Exception {
    for (int a = 1; ; a++) {
      try {
        body.run(Files.createDirectories(root.resolve("attempt-" + a)));
        return;
      } catch (Differs d) {
        if (a == ATTEMPTS) {
          throw d;
        }
        System.err.println("a run was not reproduced (" + d.getMessage() + "); the comparison is made again from scratch");
      }
    }
  }

  /** Fails with {@link Differs} unless the two files hold the same bytes. */
  public static void assertSameFile(Path a, Path b) throws Exception {
    if (!Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b))) {
      throw new Differs(a.getFileName() + " of " + a.getParent() + " and " + b.getParent() + " differs");
    }
  }
}
