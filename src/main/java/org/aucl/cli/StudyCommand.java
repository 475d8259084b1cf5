package org.aucl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** Groups the studies of the objectives. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = "Studies of the objectives: bias of mini-batch estimates (loss values, gradients on a run's images), speed of a step.",
    subcommands = {StudyBiasCommand.class, StudyGradientBiasCommand.class, StudySpeedCommand.class})
public final class StudyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin VerboseOption verbose;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
