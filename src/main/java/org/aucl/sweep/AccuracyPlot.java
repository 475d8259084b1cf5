package org.aucl.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.report.LinePlot;

/** accuracy.png: final kNN top-1 against batch size (log axis), one line per objective, error bars one standard deviation. */
final class AccuracyPlot {
  private AccuracyPlot() {}

  static void write(Path png, Cells cells) {
    LinePlot plot = new LinePlot("Final kNN top-1 against batch size (mean ± sd over seeds)", "batch size", "kNN top-1 (%)").logX();
    for (String o : cells.objectives()) {
      List<Integer> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      List<Double> errors = new ArrayList<>();
      for (int b : cells.batchSizes()) {
        Stats s = cells.get(o, b);
        if (s != null) {
          xs.add(b);
          ys.add(s.mean());
          errors.add(s.sd());
        }
      }
      plot.add(o, xs, ys, errors);
    }
    plot.save(png);
  }
}
