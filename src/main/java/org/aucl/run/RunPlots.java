package org.aucl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.report.LinePlot;

/** The run directory's PNG charts: loss and kNN top-1 per epoch. */
public final class RunPlots {
  private RunPlots() {}

  public static void write(Path runDir, String title, List<EpochMetrics> epochs) {
    List<Integer> x = new ArrayList<>();
    List<Double> loss = new ArrayList<>();
    List<Double> knn = new ArrayList<>();
    for (EpochMetrics m : epochs) {
      x.add(m.epoch());
      loss.add(m.loss());
      knn.add(m.knnTop1() == null ? Double.NaN : 100 * m.knnTop1());
    }
    new LinePlot(title + ": training loss", "epoch", "loss").add("loss", x, loss).save(runDir.resolve("loss.png"));
    LinePlot knnPlot = new LinePlot(title + ": kNN top-1", "epoch", "top-1 (%)").add("kNN top-1", x, knn);
    if (!knnPlot.isEmpty()) {
      knnPlot.save(runDir.resolve("knn.png"));
    }
  }
}
