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
    // a command's options and data are checked before it does any work
    cl.setExecutionStrategy(parsed -> {
      Integer refused = checkOnly(parsed, cl);
      return refused != 0 ? refused : new CommandLine.RunLast().execute(parsed);
    });
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

  /**
   * What {@link #execute} would answer before doing any work: 2 (one sentence on the error stream)
   * for options or data the command refuses, 0 if it would run; nothing is run or written.
   */
  public static int check(String... args) {
    CommandLine cl = commandLine();
    CommandLine.ParseResult parsed;
    try {
      parsed = cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      try {
        return cl.getParameterExceptionHandler().handleParseException(e, args);
      } catch (Exception unexpected) {
        return handle(unexpected, cl, null);
      }
    }
    return checkOnly(parsed, cl);
  }

  /** Runs the check of the command {@code parsed} names, if it has one; its exit code, 0 when it passes. */
  private static int checkOnly(CommandLine.ParseResult parsed, CommandLine cl) {
    CommandLine.ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    if (last.isUsageHelpRequested() || last.isVersionHelpRequested()
        || !(last.commandSpec().userObject() instanceof Checked command)) {
      return 0;
    }
    try {
      command.check();
      return 0;
    } catch (Exception e) {
      return handle(e, last.commandSpec().commandLine(), parsed);
    }
  }

  /** Exit code of a run stopped by a non-finite loss or gradient (with --on-nan stop). */
  public static final int NON_FINITE = org.aucl.train.NonFiniteStepException.EXIT_CODE;

  /**
   * A user's mistake (a {@link UserException}), a full disk or unreadable file (an I/O error), or an
   * engine that cannot start because the build has no natives for this platform: one sentence, exit code 2. A non-finite step: its sentence, exit code 3. Anything else is a bug: a
   * sentence saying so, exit code 1, and the stack trace kept in a file (and printed with --verbose).
   */
  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    boolean verbose = parsed != null && parsed.originalArgs().contains("--verbose");
    UserException platform = NativePlatform.explain(ex);
    if (platform != null) {
      // the engine could not start: this machine's platform has no natives in the build
      ex = platform;
    }
    if (ex instanceof UserException || ex instanceof java.io.UncheckedIOException) {
      cl.getErr().println("aucl: " + ex.getMessage());
      if (verbose) {
        ex.printStackTrace(cl.getErr());
      }
      return USER_ERROR;
    }
    if (ex instanceof org.aucl.train.NonFiniteStepException) {
      cl.getErr().println("aucl: " + ex.getMessage());
      return NON_FINITE;
    }
    java.nio.file.Path trace = CrashReports.write(ex);
    cl.getErr().println("aucl: internal error, this is a bug in aucl (please report it): " + ex
        + (trace != null ? "; stack trace in " + trace : ""));
    if (verbose) {
      ex.printStackTrace(cl.getErr());
    }
    return 1;
  }
}
