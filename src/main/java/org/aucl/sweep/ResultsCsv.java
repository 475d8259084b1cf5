package org.aucl.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aucl.util.AtomicFiles;

/** results.csv: one line per finished run; accuracies in percent, blank where not measured. */
final class ResultsCsv {
  static final String HEADER = "objective,batch_size,seed,epochs,steps,lr,final_knn_top1,best_knn_top1,linear_top1,wall_seconds";

  private ResultsCsv() {}

  static void write(Path file, List<ResultRow> rows) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (ResultRow r : rows) {
      sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%s,%s,%s,%s,%.1f%n", r.point().objective(), r.point().batchSize(),
          r.point().seed(), r.epochs(), r.steps(), r.lr(), percent(r.finalKnnTop1()), percent(r.bestKnnTop1()),
          percent(r.linearTop1()), r.wallSeconds()));
    }
    AtomicFiles.writeString(file, sb.toString());
  }

  private static String percent(Double fraction) {
    return fraction == null ? "" : String.format(Locale.ROOT, "%.2f", 100 * fraction);
  }
}
