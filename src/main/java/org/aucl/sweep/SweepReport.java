package org.aucl.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweep folder's three outputs, rewritten from the runs' own folders after every finished run so
 * that partial results are visible: results.csv, results.md and accuracy.png.
 */
public final class SweepReport {
  public static final String CSV = "results.csv";
  public static final String TABLE = "results.md";
  public static final String PLOT = "accuracy.png";

  private SweepReport() {}

  /** Rewrites the outputs; returns the finished runs' rows. */
  public static List<ResultRow> write(SweepPlan plan) {
    List<ResultRow> rows = new ArrayList<>();
    for (PlannedRun r : plan.runs()) {
      ResultRow.read(r).ifPresent(rows::add);
    }
    List<String> objectives = plan.runs().stream().map(r -> r.point().objective()).distinct().toList();
    ResultsCsv.write(plan.root().resolve(CSV), rows);
    ResultsTable.write(plan.root().resolve(TABLE), plan, objectives, rows);
    Cells knn = new Cells(objectives, plan.settings().batchSizes(), rows, ResultRow::finalKnnTop1);
    if (!knn.isEmpty()) {
      AccuracyPlot.write(plan.root().resolve(PLOT), knn);
    }
    return rows;
  }
}
