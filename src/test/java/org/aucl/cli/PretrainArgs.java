package org.aucl.cli;

import org.aucl.spec.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** The run that {@code pretrain} options describe, resolved as the command resolves them, without running it. */
final class PretrainArgs {
  private PretrainArgs() {}

  @Command(name = "pretrain")
  static final class Holder {
    @Mixin PretrainOptions options;
  }

  static RunSpec spec(String... args) {
    Holder h = new Holder();
    try {
      new CommandLine(h).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new org.aucl.util.UserException(e.getMessage(), e);
    }
    return h.options.spec();
  }
}
