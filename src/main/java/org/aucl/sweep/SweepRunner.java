package org.aucl.sweep;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aucl.run.Provenance;
import org.aucl.run.RunDirectory;
import org.aucl.run.RunStatus;
import org.aucl.spec.RunSpec;
import org.aucl.train.NonFiniteStepException;
import org.aucl.train.Pretrainer;
import org.aucl.util.AtomicFiles;
import org.aucl.util.Json;
import org.aucl.util.UserException;

/**
 * Runs a sweep's plan one run after another. Each run's folder says where it stands ({@link RunStatus}):
 * a finished run is skipped, a started one is resumed from its last checkpoint (the pretraining loop's
 * own resume), a new one is created. The outputs are rewritten after every run.
 */
public final class SweepRunner {
  private final SweepPlan plan;
  private final Provenance provenance;
  private final boolean quiet;
  private final PrintStream out;

  /** @param provenance how the sweep was started, recorded in each new run's config.json */
  public SweepRunner(SweepPlan plan, Provenance provenance, boolean quiet, PrintStream out) {
    this.plan = plan;
    this.provenance = provenance;
    this.quiet = quiet;
    this.out = out;
  }

  /** Runs what is left; false when a run stopped inside an epoch (a kill that tests make: {@code TrainingFaults}). */
  public boolean run() {
    checkExistingRuns();
    List<PlannedRun> runs = plan.runs();
    for (int i = 0; i < runs.size(); i++) {
      PlannedRun r = runs.get(i);
      RunStatus status = RunStatus.of(r.dir());
      String label = String.format("run %d/%d %s", i + 1, runs.size(), r.dir().getFileName());
      if (status == RunStatus.FINISHED) {
        out.println(label + ": finished before, skipped");
      } else if (status == RunStatus.DIVERGED) {
        out.println(label + ": diverged before, skipped (" + r.dir().resolve(RunStatus.DIVERGED_FILE) + ")");
        continue;
      } else if (!train(r, status, label)) {
        out.println("sweep stopped inside " + r.dir().getFileName() + "; run it again to continue.");
        return false;
      }
      // a run that diverged just now has no final checkpoint to probe
      if (plan.settings().linear() && RunStatus.of(r.dir()) == RunStatus.FINISHED && LinearResult.read(r.dir()).isEmpty()) {
        LinearResult lin = LinearResult.probe(r.dir(), r.config().device());
        out.printf("%s: linear top-1 %.2f%%%n", label, 100 * lin.top1());
      }
      SweepReport.write(plan);
    }
    SweepReport.write(plan);
    out.println("sweep finished: " + plan.root().resolve(SweepReport.TABLE));
    return true;
  }

  private boolean train(PlannedRun r, RunStatus status, String label) {
    RunDirectory dir;
    boolean resume = status == RunStatus.STARTED;
    if (resume) {
      dir = RunDirectory.open(r.dir());
      out.println(label + ": resuming");
    } else {
      dir = RunDirectory.create(r.dir());
      Json.write(dir.config(), new Provenance.ConfigFile(r.config(), provenance));
      out.printf("%s: %s, batch %d, seed %d: %d epochs, %d steps, lr %.3g%n", label, r.point().objective(),
          r.point().batchSize(), r.point().seed(), r.config().schedule().epochs(), r.steps(), r.config().optimizer().lr());
    }
    Pretrainer trainer = new Pretrainer(r.config(), dir, resume, quiet, out);
    try {
      return trainer.run() != null;
    } catch (NonFiniteStepException e) {
      // one grid point's divergence is a result of the study, not a reason to stop the others
      AtomicFiles.writeString(r.dir().resolve(RunStatus.DIVERGED_FILE), e.getMessage() + System.lineSeparator());
      out.println(label + ": diverged, " + e.getMessage() + " The sweep goes on; results.md lists the run.");
      return true;
    }
  }

  /**
   * Refuses a sweep folder whose runs were made with other settings (another grid's options in the same
   * folder), before anything runs: skipping or resuming them would mix two studies.
   */
  private void checkExistingRuns() {
    for (PlannedRun r : plan.runs()) {
      Path config = new RunDirectory(r.dir()).config();
      if (!Files.isRegularFile(config)) {
        continue;
      }
      RunSpec made = Json.read(config, Provenance.ConfigFile.class).config();
      if (!Json.line(made).equals(Json.line(r.config()))) {
        throw new UserException(r.dir() + " holds a run made with other settings than this sweep's ("
            + firstDifference(made, r.config()) + "); give the sweep's original options or another --out.");
      }
    }
  }

  private static String firstDifference(RunSpec a, RunSpec b) {
    var ta = Json.MAPPER.valueToTree(a);
    var tb = Json.MAPPER.valueToTree(b);
    var names = ta.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!ta.get(n).equals(tb.get(n))) {
        return n + " differs";
      }
    }
    return "they differ";
  }
}
