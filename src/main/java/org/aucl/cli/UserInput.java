package org.aucl.cli;

import java.util.function.Supplier;
import org.aucl.util.UserException;

/**
 * The configuration records check their values with {@link IllegalArgumentException}. Where a command
 * builds one from its options, a refusal is the user's mistake: this turns it into a
 * {@link UserException} (exit code 2). Work after that point is not wrapped, so a bug still reads as
 * a bug.
 */
final class UserInput {
  private UserInput() {}

  /** Builds {@code value} from the command line's options. */
  static <T> T check(Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
