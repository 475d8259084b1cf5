package org.aucl.runeval;

import java.util.List;
import java.util.Map;
import org.aucl.RunFeatures;

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
}
