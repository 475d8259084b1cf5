package org.aucl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aucl.api.Pretraining;
import org.aucl.data.DatasetFetcher;
import org.aucl.data.DatasetOptions;
import org.aucl.data.Datasets;
import org.aucl.model.Devices;
import org.aucl.report.MarkdownTable;
import org.aucl.run.EpochMetrics;
import org.aucl.run.MetricsLog;
import org.aucl.run.Provenance;
import org.aucl.run.RunCheckpoint;
import org.aucl.run.RunDirectory;
import org.aucl.run.RunSummary;
import org.aucl.run.WeightsOrigin;
import org.aucl.runeval.EvalRunner;
import org.aucl.runeval.RunReporter;
import org.aucl.runeval.StandardEvaluations;
import org.aucl.spec.Recipe;
import org.aucl.spec.RunSpec;
import org.aucl.train.Pretrainer;
import org.aucl.util.Json;
import org.aucl.util.UserException;
import org.aucl.weights.InitWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aucl pretrain}: self-supervised pretraining with the kNN monitor. With no arguments it runs
 * the default job, {@link RunSpec#defaultJob()}; the options ({@link PretrainOptions}) change it.
 */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Self-supervised pretraining with AUC-CL or a baseline, with a kNN monitor every few epochs.",
      "With no arguments: the default job on Fashion-MNIST (docs/TUNING.md gives its time and figures)."
    })
public final class PretrainCommand implements Callable<Integer>, Checked {
  @Mixin VerboseOption verbose;

  @Mixin PretrainOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/<date-time>-<objective>-<dataset>).")
  Path out;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continue the run in this directory from its last checkpoint (its config.json decides everything else).")
  Path resume;

  @Option(names = "--init", paramLabel = "FILE",
      description = "Start the encoder from a safetensors file's weights (torchvision or timm names, or 'aucl export'); "
          + "the head, optimiser and objective start fresh. Recorded in config.json.")
  Path init;

  @Option(names = "--stop-after", paramLabel = "EPOCH", description = "End after this epoch with a checkpoint; --resume continues the run later.")
  Integer stopAfter;

  @Option(names = "--dry-run", description = "Check the options and the data, print the run's configuration as JSON, and write nothing.")
  boolean dryRun;

  @Option(names = "--quiet", description = "No progress bars (for logs).")
  boolean quiet;

  @Option(names = "--final-evals", split = ",", paramLabel = "NAME",
      description = "Evaluations of the last checkpoint after the last epoch, recorded in report.md: knn, linear, fewshot, "
          + "or none (default: knn,linear).")
  List<String> finalEvals = StandardEvaluations.AFTER_PRETRAIN;

  private picocli.CommandLine.Model.CommandSpec spec;

  /** Injected by picocli; the help lists the recipes from their one owner, {@link Recipe}. */
  @picocli.CommandLine.Spec
  void setSpec(picocli.CommandLine.Model.CommandSpec s) {
    this.spec = s;
    s.usageMessage().footer(Recipe.helpLines());
  }

  /** Set by {@link #check()}: the evaluations after the last epoch, and the run. */
  private Set<String> finals;
  private RunSpec cfg;
  private Provenance provenance;
  private Pretrainer.CheckedData checkedData;
  private WeightsOrigin initWeights;

  /** Every check of the options and the data, before anything is written. */
  @Override
  public void check() {
    finals = StandardEvaluations.parse(finalEvals, "--final-evals");
    if (stopAfter != null && stopAfter < 1) {
      throw new UserException("--stop-after must be at least 1, got " + stopAfter + ".");
    }
    if (resume != null && init != null) {
      throw new UserException("--init starts a new run and --resume continues one from its checkpoint: give one of them.");
    }
    if (resume != null) {
      Provenance.ConfigFile made = Json.read(RunDirectory.open(resume).config(), Provenance.ConfigFile.class);
      if (made.weights() != null && made.weights().imported()) {
        throw new UserException(resume + " was made by 'aucl import', not by training, so there is nothing to resume: "
            + "train from its weights with pretrain --init " + made.weights().file() + ".");
      }
      cfg = made.config();
      return;
    }
    if (out != null) {
      RunDirectory.requireFree(out);
    }
    ensureFetched(options.dataset(), options.data.read.dataDir());
    cfg = options.spec();
    checkedData = Pretrainer.check(cfg);
    provenance = Pretraining.provenance(cfg, commandLine()); // what needs the engine: the network's kernels
    initWeights = init == null ? null : InitWeights.check(cfg, init);
  }

  @Override
  public Integer call() {
    if (cfg == null) {
      check(); // called directly, not through Cli
    }
    RunDirectory run;
    boolean resuming = resume != null;
    if (resuming) {
      run = RunDirectory.open(resume);
    } else if (dryRun) {
      System.out.println(Json.pretty(new Provenance.ConfigFile(cfg, provenance, checkedData.images(), initWeights)));
      return 0;
    } else {
      run = Pretraining.create(cfg, out != null ? out : RunDirectory.defaultPath(cfg.method().label(), cfg.data().dataset()),
          provenance, checkedData.images(), initWeights);
    }
    Pretrainer trainer = new Pretrainer(cfg, run, resuming, quiet, System.out);
    if (checkedData != null) {
      trainer.using(checkedData);
    }
    if (stopAfter != null) {
      trainer.stopAfter(stopAfter);
    }
    CrashReports.setRunDirectory(run.root());
    RunSummary s = trainer.run();
    if (s == null) {
      System.out.println("stopped inside an epoch; continue with --resume " + run.root());
      return 0;
    }
    List<EvalRunner.Ran> evaluated = s.epochs() == cfg.schedule().epochs() ? finalReport(run, cfg, trainer, finals) : List.of();
    printTable(run, s, evaluated);
    return 0;
  }

  /**
   * Runs the final evaluations of the last checkpoint and writes report.md. The monitor's features and
   * kNN of the last epoch are taken over, so nothing is extracted or classified twice. An evaluation
   * that cannot run on this dataset (no labels) is noted in the report instead of failing the finished run.
   */
  private List<EvalRunner.Ran> finalReport(RunDirectory run, RunSpec cfg, Pretrainer trainer, Set<String> names) {
    RunCheckpoint ckpt = RunCheckpoint.open(run.root(), "last");
    List<String> notes = new ArrayList<>();
    List<EvalRunner.Ran> ran = List.of();
    try (RunReporter reporter = new RunReporter(ckpt, Devices.resolve(cfg.device()), System.out)) {
      if (!names.isEmpty()) {
        System.out.println();
        System.out.println("final evaluations of checkpoints/last:");
        try {
          trainer.lastEpochFeatures().ifPresent(reporter::takeMonitor);
          ran = reporter.evaluate(StandardEvaluations.of(cfg, names));
        } catch (UserException e) {
          notes.add("The final evaluations could not run: " + e.getMessage());
          System.out.println(notes.get(0));
        }
      }
      reporter.writeReport(VersionInfo.provenance(), notes);
    }
    return ran;
  }

  /** The arguments given to this command: through {@code Main}, those after the subcommand's name. */
  private List<String> commandLine() {
    if (spec == null) {
      return List.of();
    }
    List<String> all = spec.commandLine().getParseResult().originalArgs();
    int own = spec.parent() == null ? -1 : all.indexOf(spec.name());
    return all.subList(own + 1, all.size());
  }

  /** A known dataset (or alias) that is missing is fetched first (Debian's package or the official download). */
  private static void ensureFetched(String dataset, Path dir) {
    if (Datasets.canonicalName(dataset.trim().toLowerCase(Locale.ROOT)).isEmpty()) {
      return;
    }
    try {
      Datasets.locate(dataset, dir, DatasetOptions.DEFAULTS);
    } catch (UserException missing) {
      new DatasetFetcher(new PrintWriter(System.err, true)).fetch(dataset, dir, null, true);
    }
  }

  private static void printTable(RunDirectory run, RunSummary s, List<EvalRunner.Ran> finals) {
    MarkdownTable t = new MarkdownTable("epoch", "loss", "kNN top-1 (%)");
    for (EpochMetrics m : MetricsLog.resume(run.metrics(), Integer.MAX_VALUE).epochs()) {
      t.row(m.epoch(), String.format("%.4f", m.loss()), m.knnTop1() == null ? "-" : String.format("%.2f", 100 * m.knnTop1()));
    }
    System.out.println();
    System.out.print(t);
    if (s.bestKnnTop1() != null) {
      System.out.printf("best kNN top-1 %.2f%% (epoch %d); %.0f s; %.0f img/s%n", 100 * s.bestKnnTop1(), s.bestEpoch(),
          s.wallSeconds(), s.meanImagesPerSecond());
    }
    if (!finals.isEmpty()) {
      MarkdownTable f = new MarkdownTable("final evaluation", "result", "time (s)");
      for (EvalRunner.Ran r : finals) {
        f.row(r.record().title(), r.record().figure(), String.format("%.1f", r.record().seconds()));
      }
      System.out.println();
      System.out.print(f);
    }
    System.out.println("run directory: " + run.root() + " (report.md)");
  }
}
