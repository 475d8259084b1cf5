package org.aucl.runeval;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.run.EvalRecord;
import org.aucl.run.EvalRecords;
import org.aucl.run.RunCheckpoint;

/**
 * Runs evaluations of one checkpoint on one dataset and records each in the run directory; all share one
 * {@link RunFeatures}, so the features of a split are extracted at most once.
 */
public final class EvalRunner {
  private final RunCheckpoint checkpoint;
  private final RunFeatures features;
  private final String dataset;
  private final boolean ownDataset;
  private final EvalRecords records;

  /**
   * @param dataset the dataset as named with {@code --dataset}, or null for the run's own
   */
  public EvalRunner(RunCheckpoint checkpoint, RunFeatures features, String dataset) {
    this.checkpoint = checkpoint;
    this.features = features;
    this.ownDataset = dataset == null;
    this.dataset = dataset != null ? dataset : checkpoint.config().data().dataset();
    this.records = new EvalRecords(checkpoint.run().root());
  }

  /** Runs {@code e}, records it (replacing an earlier record of the same) and returns the record and the lines to print. */
  public Ran run(Evaluation e) {
    long start = System.nanoTime();
    int extractedBefore = features.extracted();
    Evaluation.Outcome o = e.run(features);
    double seconds = (System.nanoTime() - start) / 1e9;
    int extracted = features.extracted() - extractedBefore;
    return record(e, o, seconds, extracted == 0 ? "from the cache" : extracted + " split(s) extracted");
  }

  /**
   * Records an outcome of {@code e} obtained elsewhere (the pretraining monitor's last kNN).
   *
   * @param featureSource where the features came from, in words
   */
  public Ran record(Evaluation e, Evaluation.Outcome o, double seconds, String featureSource) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    o.metrics().forEach((k, v) -> {
      if (Double.isFinite(v)) {
        metrics.put(k, v); // JSON has no NaN (a one-episode interval)
      }
    });
    EvalRecord r = new EvalRecord(
        e.name(), e.title(), e.settings(), dataset, checkpoint.contentHash(), checkpoint.which(), checkpoint.state().epoch(),
        metrics, o.figure(), command(e), seconds, featureSource, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    records.save(r);
    return new Ran(r, o.lines(), true);
  }

  /**
   * @param lines what the evaluation printed (none when read from the run directory)
   * @param fresh true when it ran now, false when its record was reused
   */
  public record Ran(EvalRecord record, List<String> lines, boolean fresh) {}

  /** The command that reproduces {@code e}: {@code ./aucl eval NAME RUN_DIR --checkpoint W [--dataset D] OPTIONS}. */
  private String command(Evaluation e) {
    List<String> parts = new ArrayList<>(List.of(
        "./aucl", "eval", e.name(), checkpoint.run().root().toString(), "--checkpoint", checkpoint.which()));
    if (!ownDataset) {
      parts.add("--dataset");
      parts.add(dataset);
    }
    parts.addAll(e.options());
    return String.join(" ", parts.stream().map(EvalRunner::quote).toList());
  }

  private static String quote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
