package org.aucl.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aucl.cli.Cli;

/** Runs an {@code aucl} command line in this JVM, as {@code Main} would, and keeps what it printed. */
public record CommandRun(int exit, String out, String err) {

  /** Runs {@code args} (the command's name first) with standard output and error captured. */
  public static synchronized CommandRun of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Cli.execute(args);
      return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  public static CommandRun of(List<String> args) {
    return of(args.toArray(new String[0]));
  }

  /** The error lines aucl itself wrote ({@code aucl: ...}), without the engine's native warnings. */
  public List<String> auclErrors() {
    return err.lines().filter(l -> l.startsWith("aucl: ")).toList();
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
