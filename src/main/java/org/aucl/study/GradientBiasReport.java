package org.aucl.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aucl.report.LinePlot;
import org.aucl.report.MarkdownTable;
import org.aucl.util.AtomicFiles;

/** The gradient study's table (Markdown and CSV) and its plot of the cosine against B. */
public final class GradientBiasReport {
  public static final String MARKDOWN = "gradient-bias.md";
  public static final String CSV = "gradient-bias.csv";
  public static final String PLOT = "gradient-bias.png";

  private GradientBiasReport() {}

  /** The Markdown table of {@code rows}. */
  public static String table(List<GradientBiasStudy.Row> rows) {
    MarkdownTable t = new MarkdownTable("loss", "B", "batches x repeats", "cosine (95% CI)",
        "rel. difference (95% CI)", "rel. bias, noise removed", "cosine, all draws", "loss: full pool", "loss: mean of batches");
    for (GradientBiasStudy.Row r : rows) {
      t.row(r.loss(), r.batchSize(), r.draws() + " x " + r.repeats(), pm(r.cosine(), "%.5f"), pm(r.relativeDifference(), "%.4f"),
          f("%.4f", r.relativeBias()), f("%.5f", r.pooledCosine()), f("%.5f", r.fullLoss()), f("%.5f", r.meanBatchLoss()));
    }
    return t.toString();
  }

  /** Writes gradient-bias.md ({@code header} then the table), .csv and .png into {@code dir}. */
  public static void write(Path dir, String header, List<GradientBiasStudy.Row> rows) {
    AtomicFiles.writeString(dir.resolve(MARKDOWN), header + "\n" + table(rows));
    StringBuilder csv = new StringBuilder("loss,batch_size,draws,repeats,cosine_mean,cosine_ci95,rel_difference_mean,"
        + "rel_difference_ci95,rel_bias,pooled_cosine,full_loss,mean_batch_loss\n");
    for (GradientBiasStudy.Row r : rows) {
      csv.append(String.join(",", r.loss(), Integer.toString(r.batchSize()), Integer.toString(r.draws()),
          Integer.toString(r.repeats()), num(r.cosine()[0]), num(r.cosine()[1]), num(r.relativeDifference()[0]),
          num(r.relativeDifference()[1]), num(r.relativeBias()), num(r.pooledCosine()), num(r.fullLoss()),
          num(r.meanBatchLoss()))).append('\n');
    }
    AtomicFiles.writeString(dir.resolve(CSV), csv.toString());
    plot(rows).save(dir.resolve(PLOT));
  }

  private static LinePlot plot(List<GradientBiasStudy.Row> rows) {
    Map<String, List<GradientBiasStudy.Row>> byLoss = new LinkedHashMap<>();
    for (GradientBiasStudy.Row r : rows) {
      byLoss.computeIfAbsent(r.loss(), k -> new ArrayList<>()).add(r);
    }
    LinePlot p = new LinePlot("Mean mini-batch gradient against the full-pool gradient (95% CI over repeats)",
        "batch size B", "cosine").logX();
    for (Map.Entry<String, List<GradientBiasStudy.Row>> e : byLoss.entrySet()) {
      List<Integer> xs = e.getValue().stream().map(GradientBiasStudy.Row::batchSize).toList();
      List<Double> ys = e.getValue().stream().map(r -> r.cosine()[0]).toList();
      List<Double> err = e.getValue().stream().map(r -> r.cosine()[1]).toList();
      p.add(e.getKey(), xs, ys, err);
    }
    return p;
  }

  private static String pm(double[] v, String format) {
    return f(format, v[0]) + " ± " + f(format, v[1]);
  }

  private static String f(String format, double v) {
    return String.format(Locale.ROOT, format, v);
  }

  private static String num(double v) {
    return Double.toString(v);
  }
}
