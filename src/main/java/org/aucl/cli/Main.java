package org.aucl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code aucl} command line: parses arguments and hands off to one command class per verb. */
@Command(
    name = "aucl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Self-supervised contrastive representation learning on the JVM, built around AUC-CL.",
    subcommands = {
      PretrainCommand.class,
      SweepCommand.class,
      DataCommand.class,
      EvalCommand.class,
      EmbedCommand.class,
      ReportCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      StudyCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    org.aucl.model.EngineThreads.configure(0);
    System.exit(Cli.execute(args));
  }
}
