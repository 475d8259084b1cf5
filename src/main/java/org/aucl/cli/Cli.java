package org.aucl.cli;

import java.util.Arrays;
import org.aucl.util.UserException;
import picocli.CommandLine;

/**
 * Builds the command line and maps user errors to one clear sentence and exit code 2.
 *
 * <p>A {@link UserException} (or {@link IllegalArgumentException}) raised by a command is a mistake
 * the user can fix: we print its message alone, with the stack trace only under {@code --verbose}.
 */
public final class Cli {
  /** Exit code for a user's mistake: bad path, corrupt file, impossible option. */
  public static final int USER_ERROR = 2;

  private Cli() {}

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Cli::handle);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("aucl: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return USER_ERROR;
        });
    return cl;
  }

  /** Runs the command line and returns the exit code (does not call System.exit). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    boolean verbose = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose");
    if (ex instanceof UserException || ex instanceof IllegalArgumentException) {
      cl.getErr().println("aucl: " + ex.getMessage());
      if (verbose) {
        ex.printStackTrace(cl.getErr());
      }
      return USER_ERROR;
    }
    cl.getErr().println("aucl: internal error: " + ex);
    if (verbose) {
      ex.printStackTrace(cl.getErr());
    } else {
      cl.getErr().println("(run again with --verbose for the stack trace)");
    }
    return 1;
  }
}
