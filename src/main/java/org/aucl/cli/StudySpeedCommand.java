package org.aucl.cli;

import java.io.PrintWriter;
import java.util.List;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.loss.SpeedStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aucl study speed}: milliseconds per forward + backward of each loss on random embeddings. */
@Command(name = "speed", mixinStandardHelpOptions = true,
    description = "Milliseconds per forward + backward of each loss on random B x d embeddings.")
public final class StudySpeedCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin VerboseOption verbose;

  @Option(names = "--losses", split = ",", paramLabel = "NAMES", defaultValue = "auc-cl,simclr,dcl,sogclr",
      description = "Comma-separated losses (default: ${DEFAULT-VALUE}).")
  List<String> losses;

  @Option(names = "--batch", defaultValue = "512", description = "B, images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--dim", defaultValue = "128", description = "d, the embedding dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(names = "--steps", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "3", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("B = %d, d = %d, %d steps after %d warm-up, forward + backward%n", batch, dim, steps, warmup);
    for (ObjectiveConfig c : UserInput.check(() -> StudyLosses.parse(losses))) {
      double ms = SpeedStudy.millisPerStep(c, batch, dim, warmup, steps, 1);
      out.printf("%-8s %8.2f ms/step%n", c.loss(), ms);
      out.flush();
    }
  }
}
