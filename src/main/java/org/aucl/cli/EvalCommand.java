package org.aucl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Groups the evaluations of a pretrained checkpoint. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate a pretraining run's checkpoint: kNN, linear probe, few-shot (docs/EVALUATION.md).",
    subcommands = {EvalKnnCommand.class, EvalLinearCommand.class, EvalFewshotCommand.class})
public final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
