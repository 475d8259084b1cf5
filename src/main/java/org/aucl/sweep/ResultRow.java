package org.aucl.sweep;

import java.util.List;
import java.util.Optional;
import org.aucl.run.EpochMetrics;
import org.aucl.run.MetricsLog;
import org.aucl.run.RunDirectory;
import org.aucl.run.RunStatus;
import org.aucl.run.RunSummary;
import org.aucl.util.Json;

/**
 * One finished run of a sweep, as results.csv lists it. Accuracies are fractions in [0, 1]; null
 * where not measured (no kNN monitor, no linear probe).
 */
public record ResultRow(
    GridPoint point, int epochs, long steps, double lr, Double finalKnnTop1, Double bestKnnTop1, Double linearTop1,
    double wallSeconds) {

  /** The row of {@code run}, or empty while it has not finished. */
  static Optional<ResultRow> read(PlannedRun run) {
    if (RunStatus.of(run.dir()) != RunStatus.FINISHED) {
      return Optional.empty();
    }
    RunDirectory dir = new RunDirectory(run.dir());
    RunSummary s = Json.read(dir.summary(), RunSummary.class);
    List<EpochMetrics> epochs = MetricsLog.resume(dir.metrics(), Integer.MAX_VALUE).epochs();
    long steps = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).step();
    Double linear = LinearResult.read(run.dir()).map(LinearResult::top1).orElse(null);
    return Optional.of(new ResultRow(run.point(), s.epochs(), steps, run.config().optimizer().lr(), s.finalKnnTop1(),
        s.bestKnnTop1(), linear, s.wallSeconds()));
  }
}
