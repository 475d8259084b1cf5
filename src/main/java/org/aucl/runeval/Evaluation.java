package org.aucl.runeval;

import java.util.List;
import java.util.Map;

/**
 * One evaluation of a checkpoint's features with fixed settings (kNN, linear probe, one few-shot setting),
 * run the same way by its {@code eval} command and by {@code report}.
 */
public interface Evaluation {
  /** knn, linear or fewshot. */
  String name();

  /** A short name for tables: "kNN", "linear probe", "few-shot 5-way 1-shot". */
  String title();

  /** The settings as text; with the name, the dataset and the checkpoint, a record's identity. */
  String settings();

  /** The options of {@code aucl eval NAME} that give these settings. */
  List<String> options();

  /** Runs it on {@code features} (read from the cache where they are stored). */
  Outcome run(RunFeatures features);

  /**
   * @param metrics the figures by name, accuracies as fractions
   * @param figure the result in words, for the report's table
   * @param lines what the {@code eval} command prints
   */
  record Outcome(Map<String, Double> metrics, String figure, List<String> lines) {}

  /**
   * Top-1 and (where the classes are more than five) top-5 accuracy: put as "top1" and "top5" into
   * {@code metrics}; returned as ", top-5 xx.xx%" (empty without a top-5) for a figure's text.
   */
  static String putTopAccuracies(Map<String, Double> metrics, double top1, double top5) {
    metrics.put("top1", top1);
    if (Double.isNaN(top5)) {
      return "";
    }
    metrics.put("top5", top5);
    return String.format(", top-5 %.2f%%", 100 * top5);
  }
}
