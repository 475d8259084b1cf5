package org.aucl.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.RunReporter;
import org.aucl.runeval.StandardEvaluations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aucl report RUN_DIR}: runs the standard evaluations of a checkpoint that are not recorded yet and
 * writes {@code RUN_DIR/report.md}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the standard evaluations of a run's checkpoint that are not recorded yet (kNN, linear probe, 5-way 1- and "
          + "5-shot) and writes RUN_DIR/report.md: configuration, curves, every recorded evaluation with its command "
          + "and time, versions (docs/EVALUATION.md)."
    })
public final class ReportCommand implements Callable<Integer> {
  @Mixin VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory made by 'aucl pretrain'.")
  Path runDir;

  @Mixin CheckpointOption checkpoint;

  @Option(names = "--evals", split = ",", paramLabel = "NAME",
      description = "Evaluations to run where missing: knn, linear, fewshot, or none. Default: all three.")
  List<String> evals = StandardEvaluations.NAMES;

  @Option(names = "--skip", split = ",", paramLabel = "NAME", description = "Evaluations to leave out, e.g. --skip fewshot.")
  List<String> skip = List.of();

  @Mixin DeviceOption device;

  @Override
  public Integer call() {
    Set<String> wanted = new LinkedHashSet<>(StandardEvaluations.parse(evals, "--evals"));
    wanted.removeAll(skip.isEmpty() ? Set.of() : StandardEvaluations.parse(skip, "--skip"));
    RunCheckpoint ckpt = checkpoint.open(runDir);
    System.out.println(runDir + ", checkpoint " + ckpt.which() + " (epoch " + ckpt.state().epoch() + ")");
    try (RunReporter reporter = new RunReporter(ckpt, device.resolve(), System.out)) {
      reporter.evaluate(StandardEvaluations.of(ckpt.config(), wanted));
      Path file = reporter.writeReport(VersionInfo.provenance(), List.of());
      System.out.println("report: " + file);
    }
    return 0;
  }
}
