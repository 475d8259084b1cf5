package org.aucl.runeval;

import ai.djl.Device;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.run.EvalRecord;
import org.aucl.run.EvalRecords;
import org.aucl.run.Provenance;
import org.aucl.run.RunCheckpoint;
import org.aucl.run.RunReport;
import org.aucl.train.KnnMonitor;

/**
 * What {@code aucl report} and the end of {@code pretrain} do: run the evaluations of a checkpoint that are
 * not recorded yet (on the run's own dataset, sharing one feature extraction), then write report.md with
 * every evaluation recorded for that checkpoint.
 */
public final class RunReporter implements AutoCloseable {
  private final RunCheckpoint checkpoint;
  private final Device device;
  private final PrintStream out;
  private RunFeatures features;
  private EvalRunner runner;

  public RunReporter(RunCheckpoint checkpoint, Device device, PrintStream out) {
    this.checkpoint = checkpoint;
    this.device = device;
    this.out = out;
  }

  /**
   * The records of {@code wanted}, reusing those already made and running the rest; prints one line each.
   * The dataset is opened only when something must run.
   */
  public List<EvalRunner.Ran> evaluate(List<Evaluation> wanted) {
    List<EvalRunner.Ran> done = new ArrayList<>();
    EvalRecords records = new EvalRecords(checkpoint.run().root());
    String dataset = checkpoint.config().data().dataset();
    for (Evaluation e : wanted) {
      EvalRunner.Ran ran = records.find(checkpoint.contentHash(), e.name(), e.settings(), dataset)
          .map(r -> new EvalRunner.Ran(r, List.of(), false))
          .orElseGet(() -> runner().run(e));
      EvalRecord r = ran.record();
      out.printf("%s (%s): %s  [%s]%n", r.title(), r.settings(), r.figure(), ran.fresh()
          ? String.format("%.1f s, features %s", r.seconds(), r.features())
          : "recorded " + r.recorded() + " (features " + r.features() + "), reused");
      done.add(ran);
    }
    return done;
  }

  /**
   * Takes what the pretraining monitor found after the last epoch: its features go to the cache, and its
   * kNN becomes the record of the standard kNN (the run's settings on checkpoints/last, whose weights the
   * monitor used), so neither is computed again.
   */
  public void takeMonitor(KnnMonitor.Extracted m) {
    boolean bank = features().offer("train", m.bankImages(), m.transform(), m.bank());
    boolean test = features().offer("test", m.testImages(), m.transform(), m.test());
    if (bank && test) {
      KnnEvaluation knn = KnnEvaluation.forRun(checkpoint.config(), null, null, null, null);
      runner().record(knn, knn.outcome(m.result(), m.bank().n()), m.seconds(), "of the kNN monitor, after the last epoch");
    }
  }

  /** Writes report.md with every evaluation recorded for this checkpoint. */
  public Path writeReport(Provenance now, List<String> notes) {
    List<EvalRecord> all = new EvalRecords(checkpoint.run().root()).forCheckpoint(checkpoint.contentHash(),
        java.util.Comparator.comparing(EvalRecord::dataset)
            .thenComparing(r -> StandardEvaluations.order(r.evaluation()))
            .thenComparing(EvalRecord::settings));
    return RunReport.write(checkpoint, all, now, notes);
  }

  private EvalRunner runner() {
    if (runner == null) {
      runner = new EvalRunner(checkpoint, features(), null);
    }
    return runner;
  }

  /** The checkpoint's features on its own dataset, opened on first use. */
  public RunFeatures features() {
    if (features == null) {
      features = new RunFeatures(checkpoint, RunFeatures.splitsFor(checkpoint, null, null), device);
    }
    return features;
  }

  @Override
  public void close() {
    if (features != null) {
      features.close();
    }
  }
}
