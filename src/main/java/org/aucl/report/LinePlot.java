package org.aucl.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.util.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG line chart of one or more series over a shared x axis (XChart), written atomically; series may
 * carry error bars, and the x axis may be logarithmic.
 */
public final class LinePlot {
  private final String title;
  private final String xLabel;
  private final String yLabel;
  /** Per series: x, y, and the error bars' half-heights (null without). */
  private final Map<String, double[][]> series = new LinkedHashMap<>();
  private boolean logX;

  public LinePlot(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Adds a series; NaN points are left out. */
  public LinePlot add(String name, List<? extends Number> xs, List<? extends Number> ys) {
    return add(name, xs, ys, null);
  }

  /**
   * Adds a series with error bars of half-height {@code errors} (null: none; a NaN error draws no bar);
   * NaN points are left out.
   */
  public LinePlot add(String name, List<? extends Number> xs, List<? extends Number> ys, List<? extends Number> errors) {
    int n = Math.min(xs.size(), ys.size());
    double[] x = new double[n];
    double[] y = new double[n];
    double[] e = new double[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      double yi = ys.get(i).doubleValue();
      if (!Double.isNaN(yi)) {
        x[kept] = xs.get(i).doubleValue();
        y[kept] = yi;
        double ei = errors == null ? 0 : errors.get(i).doubleValue();
        e[kept] = Double.isNaN(ei) ? 0 : ei;
        kept++;
      }
    }
    if (kept > 0) {
      series.put(name, new double[][] {
          java.util.Arrays.copyOf(x, kept), java.util.Arrays.copyOf(y, kept),
          errors == null ? null : java.util.Arrays.copyOf(e, kept)});
    }
    return this;
  }

  /** A logarithmic x axis (batch sizes, learning rates); every x must be positive. */
  public LinePlot logX() {
    this.logX = true;
    return this;
  }

  public boolean isEmpty() {
    return series.isEmpty();
  }

  public void save(Path png) {
    XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setLegendVisible(series.size() > 1);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    if (logX) {
      chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(false);
    }
    for (Map.Entry<String, double[][]> e : series.entrySet()) {
      double[][] s = e.getValue();
      var added = s[2] == null ? chart.addSeries(e.getKey(), s[0], s[1]) : chart.addSeries(e.getKey(), s[0], s[1], s[2]);
      added.setMarker(SeriesMarkers.CIRCLE);
    }
    AtomicFiles.write(png, out -> {
      try {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      } catch (IOException e) {
        throw e;
      }
    });
  }
}
