package org.aucl.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aucl.report.MarkdownTable;
import org.aucl.run.RunStatus;
import org.aucl.util.AtomicFiles;

/**
 * results.md: per accuracy, a table of objective x batch size with the mean and standard deviation
 * over seeds (in percent) and each objective's spread, best mean minus worst mean.
 */
final class ResultsTable {
  private ResultsTable() {}

  static void write(Path file, SweepPlan plan, List<String> objectives, List<ResultRow> rows) {
    SweepSettings s = plan.settings();
    StringBuilder sb = new StringBuilder("# Sweep results\n\n");
    sb.append(String.format(Locale.ROOT,
        "%d of %d runs finished. %d training images; budget %s; learning-rate rule %s against batch %d; seeds 1 to %d. "
            + "Accuracies in %%: mean ± standard deviation over the finished seeds (their number in brackets where "
            + "fewer than asked); spread = best mean - worst mean over batch sizes.%n%n",
        rows.size(), plan.runs().size(), plan.trainImages(), s.budget(), s.lrRule(), s.referenceBatch(), s.seeds()));
    sb.append(whichImages(plan)).append("\n\n");
    section(sb, "Final kNN top-1", new Cells(objectives, s.batchSizes(), rows, ResultRow::finalKnnTop1), s.seeds());
    section(sb, "Best kNN top-1", new Cells(objectives, s.batchSizes(), rows, ResultRow::bestKnnTop1), s.seeds());
    section(sb, "Linear top-1", new Cells(objectives, s.batchSizes(), rows, ResultRow::linearTop1), s.seeds());
    sb.append("## Steps per run\n\n");
    MarkdownTable steps = new MarkdownTable(header("objective", s.batchSizes(), null));
    for (String o : objectives) {
      List<Object> row = new ArrayList<>(List.of(o));
      for (int b : s.batchSizes()) {
        row.add(plan.runs().stream().filter(r -> r.point().objective().equals(o) && r.point().batchSize() == b)
            .findFirst().map(ResultsTable::length).orElse(""));
      }
      steps.row(row.toArray());
    }
    sb.append(steps).append('\n');
    List<String> diverged = plan.runs().stream().filter(r -> RunStatus.of(r.dir()) == RunStatus.DIVERGED)
        .map(r -> r.dir().getFileName().toString()).toList();
    if (!diverged.isEmpty()) {
      sb.append("## Diverged runs\n\n").append("A step's loss or gradient became non-finite; these runs are not in the "
          + "means above (each folder's " + RunStatus.DIVERGED_FILE + " says where): ")
          .append(String.join(", ", diverged)).append(".\n");
    }
    AtomicFiles.writeString(file, sb.toString());
  }

  /** Which images each accuracy comes from: selection reads the validation images, never the test split. */
  private static String whichImages(SweepPlan plan) {
    if (plan.runs().isEmpty()) {
      return "";
    }
    var cfg = plan.runs().get(0).config();
    String knn = cfg.monitor().split().equals(org.aucl.spec.Monitor.VAL)
        ? "the kNN figures classify the " + cfg.data().validation() + " validation images held out of the training split"
        : "the kNN figures classify the test split";
    return "Images: " + knn + "; the linear probe is fitted on the training images and scored on the test split.";
  }

  private static String length(PlannedRun r) {
    int e = r.config().schedule().epochs();
    return e + (e == 1 ? " epoch, " : " epochs, ") + r.steps() + " steps";
  }

  private static void section(StringBuilder sb, String title, Cells cells, int seeds) {
    if (cells.isEmpty()) {
      return;
    }
    sb.append("## ").append(title).append("\n\n");
    MarkdownTable t = new MarkdownTable(header("objective", cells.batchSizes(), "spread"));
    for (String o : cells.objectives()) {
      List<Object> row = new ArrayList<>(List.of(o));
      for (int b : cells.batchSizes()) {
        row.add(format(cells.get(o, b), seeds));
      }
      double spread = cells.spread(o);
      row.add(Double.isNaN(spread) ? "" : String.format(Locale.ROOT, "%.2f", spread));
      t.row(row.toArray());
    }
    sb.append(t).append('\n');
  }

  private static String[] header(String first, List<Integer> batchSizes, String last) {
    List<String> h = new ArrayList<>(List.of(first));
    batchSizes.forEach(b -> h.add("batch " + b));
    if (last != null) {
      h.add(last);
    }
    return h.toArray(new String[0]);
  }

  static String format(Stats s, int seeds) {
    if (s == null) {
      return "";
    }
    String cell = Double.isNaN(s.sd())
        ? String.format(Locale.ROOT, "%.2f", s.mean())
        : String.format(Locale.ROOT, "%.2f ± %.2f", s.mean(), s.sd());
    return s.n() < seeds ? cell + " (" + s.n() + ")" : cell;
  }
}
