package org.aucl.cli;

import java.io.PrintWriter;
import java.util.List;
import org.aucl.loss.BiasStudy;
import org.aucl.report.MarkdownTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code aucl study bias}: each loss on a fixed pool of pairs against its mean over random mini-batches
 * (see {@link BiasStudy}); prints a Markdown table.
 */
@Command(name = "bias", mixinStandardHelpOptions = true,
    description = "Bias of mini-batch loss values: full pool against the mean over random mini-batches.")
public final class StudyBiasCommand implements Runnable, Checked {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin VerboseOption verbose;

  @Option(names = "--losses", split = ",", paramLabel = "NAMES", defaultValue = "auc-cl,simclr,dcl",
      description = "Comma-separated losses (default: ${DEFAULT-VALUE}).")
  List<String> losses;

  @Option(names = "--pool", defaultValue = "4096", description = "Pairs in the pool (default: ${DEFAULT-VALUE}).")
  int pool;

  @Option(names = "--batch-sizes", split = ",", paramLabel = "SIZES", defaultValue = "4,16,64,256",
      description = "Comma-separated mini-batch sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> batchSizes;

  @Option(names = "--trials", defaultValue = "200", description = "Mini-batches per size (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the pool and the draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dim", defaultValue = "128", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(names = "--noise", defaultValue = "1.0",
      description = "Partner noise: z2 = normalise(z1 + noise g / sqrt(d)) (default: ${DEFAULT-VALUE}).")
  double noise;

  /** The study's rows, for tests. */
  List<BiasStudy.Row> rows;

  private BiasStudy.Settings settings;

  @Override
  public void check() {
    settings = UserInput.check(
        () -> new BiasStudy.Settings(StudyLosses.parse(losses), pool, batchSizes, trials, seed, dim, noise));
  }

  @Override
  public void run() {
    if (settings == null) {
      check();
    }
    rows = BiasStudy.run(settings);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("pool %d pairs, d = %d, noise %.2f, %d mini-batches per size, seed %d; AUC-CL: default preset with a, b, alpha fixed (a = 1, b = 0, alpha = 1)%n%n",
        pool, dim, noise, trials, seed);
    MarkdownTable table = new MarkdownTable(
        "loss", "batch size", "full-pool value", "mean mini-batch value", "relative bias", "its SE", "bias / SE");
    for (BiasStudy.Row r : rows) {
      table.row(r.loss(), r.batchSize(), String.format("%.6f", r.fullPool()), String.format("%.6f", r.meanMiniBatch()),
          String.format("%+.5f", r.relativeBias()), String.format("%.5f", r.relativeStandardError()),
          String.format("%.1f", r.zScore()));
    }
    out.print(table);
    out.flush();
  }
}
