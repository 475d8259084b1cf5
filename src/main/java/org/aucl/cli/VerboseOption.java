package org.aucl.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: show stack traces of errors (read by {@link Cli}); mix into every command. */
public final class VerboseOption {
  @Option(names = "--verbose", description = "Print stack traces of errors.")
  public boolean verbose;
}
