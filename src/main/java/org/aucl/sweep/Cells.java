package org.aucl.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One accuracy of a sweep's finished runs gathered per (objective, batch size), over seeds: what the
 * Markdown table and the plot both show.
 */
final class Cells {
  private final List<String> objectives;
  private final List<Integer> batchSizes;
  private final Map<String, Stats> cells = new LinkedHashMap<>();

  /** {@code accuracy} of each row, a fraction or null; kept in percent. */
  Cells(List<String> objectives, List<Integer> batchSizes, List<ResultRow> rows, Function<ResultRow, Double> accuracy) {
    this.objectives = objectives;
    this.batchSizes = batchSizes;
    for (String o : objectives) {
      for (int b : batchSizes) {
        List<Double> values = new ArrayList<>();
        for (ResultRow r : rows) {
          Double a = accuracy.apply(r);
          if (a != null && r.point().objective().equals(o) && r.point().batchSize() == b) {
            values.add(100 * a);
          }
        }
        if (!values.isEmpty()) {
          cells.put(key(o, b), Stats.of(values));
        }
      }
    }
  }

  private static String key(String objective, int batch) {
    return objective + "@" + batch;
  }

  boolean isEmpty() {
    return cells.isEmpty();
  }

  List<String> objectives() {
    return objectives;
  }

  List<Integer> batchSizes() {
    return batchSizes;
  }

  /** Null where no run of the cell has finished. */
  Stats get(String objective, int batch) {
    return cells.get(key(objective, batch));
  }

  /** Best mean minus worst mean over the objective's batch sizes; NaN below two batch sizes with results. */
  double spread(String objective) {
    double best = Double.NEGATIVE_INFINITY;
    double worst = Double.POSITIVE_INFINITY;
    int n = 0;
    for (int b : batchSizes) {
      Stats s = get(objective, b);
      if (s != null) {
        best = Math.max(best, s.mean());
        worst = Math.min(worst, s.mean());
        n++;
      }
    }
    return n < 2 ? Double.NaN : best - worst;
  }
}
