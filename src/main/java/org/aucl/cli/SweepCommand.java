package org.aucl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aucl.report.MarkdownTable;
import org.aucl.run.Provenance;
import org.aucl.run.RunStatus;
import org.aucl.sweep.Budget;
import org.aucl.sweep.LrRule;
import org.aucl.sweep.PlannedRun;
import org.aucl.sweep.SweepEstimate;
import org.aucl.sweep.SweepPlan;
import org.aucl.sweep.SweepRunner;
import org.aucl.sweep.SweepSettings;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aucl sweep}: a grid of pretraining runs (objectives x batch sizes x seeds) one after another
 * in one folder, resumable, with the results gathered as they come (docs/PRETRAINING.md, "Sweeps").
 * Options after {@code --} are {@code pretrain} options shared by every run.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Pretraining runs over a grid of objectives x batch sizes x seeds, one after another; run it again to continue a stopped sweep.",
      "Options after -- are pretrain options given to every run (dataset, subset, model, recipe, epochs, lr, ...).",
      "Writes results.csv, results.md and accuracy.png in --out after every run."
    })
public final class SweepCommand implements Callable<Integer>, Checked {
  /** The owner of every default below. */
  private static final SweepSettings DEFAULT = SweepSettings.defaults();

  /** Pretrain options the grid sets for each run, so they cannot be passed through. */
  private static final List<String> GRID_OWNED =
      List.of("--loss", "--batch-size", "--seed", "--out", "--resume", "--stop-after");

  @Mixin VerboseOption verbose;

  @Option(names = "--objectives", paramLabel = "A,B,...",
      description = "Objectives, comma-separated: auc-cl, simclr, dcl, sogclr. Default: ${DEFAULT-VALUE}.")
  String objectives = String.join(",", DEFAULT.objectives());

  @Option(names = "--batch-sizes", paramLabel = "B1,B2,...", description = "Batch sizes, comma-separated. Default: ${DEFAULT-VALUE}.")
  String batchSizes = join(DEFAULT.batchSizes());

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds 1 to N for every objective and batch size. Default: ${DEFAULT-VALUE}.")
  int seeds = DEFAULT.seeds();

  @Option(names = "--budget", paramLabel = "epochs|steps",
      description = "epochs: every run takes the epochs given (--epochs after --); steps: every run takes about the steps of those "
          + "epochs at the reference batch, round(E floor(N/R) / floor(N/B)) epochs. Default: ${DEFAULT-VALUE}.")
  String budget = DEFAULT.budget().toString();

  @Option(names = "--lr-rule", paramLabel = "fixed|linear|sqrt",
      description = "The lr given (--lr after --, or the recipe's) holds at the reference batch R; at batch B: fixed lr, linear lr B/R, sqrt lr sqrt(B/R). Default: ${DEFAULT-VALUE}.")
  String lrRule = DEFAULT.lrRule().toString();

  @Option(names = {"--reference-batch", "--lr-reference-batch"}, paramLabel = "R",
      description = "The reference batch R of --lr-rule and --budget steps. Default: ${DEFAULT-VALUE}.")
  int referenceBatch = DEFAULT.referenceBatch();

  @Option(names = "--linear", description = "Also run the linear probe (eval linear) at the end of each run.")
  boolean linear = DEFAULT.linear();

  @Option(names = "--out", required = true, paramLabel = "SWEEP_DIR", description = "The sweep folder: one run folder per grid point, and the results.")
  Path out;

  @Option(names = "--dry-run", description = "Print the plan and an estimated time from a few measured steps; run nothing.")
  boolean dryRun;

  @Option(names = "--quiet", description = "No progress bars (for logs).")
  boolean quiet;

  @Parameters(paramLabel = "-- PRETRAIN_OPTIONS", description = "pretrain options for every run, after --.")
  List<String> pretrainOptions = new ArrayList<>();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** More seeds than this are not a study a machine finishes. */
  static final int MAX_SEEDS = 1000;

  private SweepPlan plan;

  @Override
  public void check() {
    if (seeds > MAX_SEEDS) {
      throw new UserException("--seeds must be at most " + MAX_SEEDS + ", got " + seeds + ".");
    }
    plan = plan();
  }

  @Override
  public Integer call() {
    if (plan == null) {
      check();
    }
    if (dryRun) {
      printPlan(plan, SweepEstimate.measure(plan));
      return 0;
    }
    List<String> args = new ArrayList<>(List.of("sweep"));
    if (spec != null) {
      args.addAll(spec.commandLine().getParseResult().originalArgs());
    }
    Provenance provenance = Provenance.now(VersionInfo.aucl(), VersionInfo.djl(), args);
    new SweepRunner(plan, provenance, quiet || pretrainOptions.contains("--quiet"), System.out).run();
    return 0;
  }

  /** The checked plan: every grid point resolved through pretrain's own options, before any run starts. */
  SweepPlan plan() {
    for (String o : pretrainOptions) {
      for (String owned : GRID_OWNED) {
        if (o.equals(owned) || o.startsWith(owned + "=")) {
          throw new UserException(owned + " is set by the sweep for each run; use --objectives, --batch-sizes, --seeds or --out instead.");
        }
      }
    }
    SweepSettings s = new SweepSettings(list(objectives), integers("--batch-sizes", batchSizes), seeds,
        Budget.parse(budget), LrRule.parse(lrRule), referenceBatch, linear);
    PassThrough shared = new PassThrough();
    try {
      new picocli.CommandLine(shared).parseArgs(pretrainOptions.toArray(new String[0]));
    } catch (picocli.CommandLine.ParameterException e) {
      throw new UserException("after --: " + e.getMessage(), e);
    }
    return SweepPlan.build(s, out, objective -> {
      shared.options.method.objective.loss = objective; // --loss is the grid's, never passed through
      return shared.options.spec();
    });
  }

  /** The pretrain options every run of the grid shares (after {@code --}). */
  @Command(name = "pretrain options")
  static final class PassThrough {
    @Mixin PretrainOptions options;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;
  }

  private void printPlan(SweepPlan plan, SweepEstimate estimate) {
    MarkdownTable t = new MarkdownTable("run", "epochs", "steps", "lr", "status", "estimate");
    double total = 0;
    int left = 0;
    for (PlannedRun r : plan.runs()) {
      RunStatus status = RunStatus.of(r.dir());
      double seconds = estimate.seconds(r);
      if (status != RunStatus.FINISHED) {
        total += seconds;
        left++;
      }
      t.row(r.dir().getFileName(), r.config().schedule().epochs(), r.steps(), String.format(Locale.ROOT, "%.3g", r.config().optimizer().lr()),
          status.toString().toLowerCase(Locale.ROOT), status == RunStatus.FINISHED ? "" : minutes(seconds));
    }
    System.out.printf("sweep in %s: %d runs over %d training images, budget %s, lr rule %s (reference batch %d)%n",
        plan.root(), plan.runs().size(), plan.trainImages(), plan.settings().budget(), plan.settings().lrRule(), plan.settings().referenceBatch());
    System.out.print(t);
    for (int b : plan.settings().batchSizes()) {
      if (estimate.timing(b) != null) {
        System.out.printf(Locale.ROOT, "measured at batch %d: %.3f s per step, %.2f ms per image for the kNN monitor%n",
            b, estimate.timing(b).secondsPerStep(), 1000 * estimate.timing(b).evalSecondsPerImage());
      }
    }
    System.out.printf("estimated time: %s for %d unfinished runs (a started run counts in full; the linear probe is not included)%n",
        minutes(total), left);
  }

  private static String minutes(double seconds) {
    long m = Math.round(seconds / 60);
    return m >= 60 ? String.format("%d h %02d min", m / 60, m % 60) : m + " min";
  }

  private static List<String> list(String csv) {
    List<String> out = new ArrayList<>();
    for (String p : csv.split(",")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    return out;
  }

  private static List<Integer> integers(String option, String csv) {
    List<Integer> out = new ArrayList<>();
    for (String p : list(csv)) {
      try {
        out.add(Integer.parseInt(p));
      } catch (NumberFormatException e) {
        throw new UserException(option + " takes whole numbers separated by commas, got '" + p + "'.");
      }
    }
    return out;
  }

  private static String join(List<Integer> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }
}
