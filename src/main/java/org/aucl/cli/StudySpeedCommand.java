package org.aucl.cli;

import java.io.PrintWriter;
import java.util.List;
import org.aucl.loss.BiasStudy;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.loss.SpeedStudy;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aucl study speed}: milliseconds per forward + backward of each loss on random embeddings. */
@Command(name = "speed", mixinStandardHelpOptions = true,
    description = "Milliseconds per forward + backward of each loss on random B x d embeddings.")
public final class StudySpeedCommand implements Runnable, Checked {
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

  /** The largest batch: a step compares every pair of its 2B views. */
  static final int MAX_BATCH = 8192;

  @Override
  public void check() {
    if (batch < 2 || batch > MAX_BATCH || dim < 1 || dim > BiasStudy.MAX_DIM || steps < 1 || steps > BiasStudy.MAX_TRIALS
        || warmup < 0 || warmup > BiasStudy.MAX_TRIALS) {
      throw new UserException("--batch must be between 2 and " + MAX_BATCH + ", --dim between 1 and " + BiasStudy.MAX_DIM
          + ", --steps between 1 and " + BiasStudy.MAX_TRIALS + " and --warmup between 0 and " + BiasStudy.MAX_TRIALS
          + "; got " + batch + ", " + dim + ", " + steps + " and " + warmup + ".");
    }
    UserInput.check(() -> StudyLosses.parse(losses));
  }

  @Override
  public void run() {
    check();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("B = %d, d = %d, %d steps after %d warm-up, forward + backward%n", batch, dim, steps, warmup);
    for (ObjectiveConfig c : UserInput.check(() -> StudyLosses.parse(losses))) {
      double ms = SpeedStudy.millisPerStep(c, batch, dim, warmup, steps, 1);
      out.printf("%-8s %8.2f ms/step%n", c.loss(), ms);
      out.flush();
    }
  }
}
