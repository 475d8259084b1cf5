package org.aucl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** Groups the dataset verbs: {@code data fetch} and {@code data info}. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Obtain and inspect datasets (fetch, info).",
    subcommands = {DataFetchCommand.class, DataInfoCommand.class})
public final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
