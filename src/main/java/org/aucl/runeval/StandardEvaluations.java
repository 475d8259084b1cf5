package org.aucl.runeval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aucl.spec.RunSpec;
import org.aucl.util.UserException;

/**
 * The standard evaluations of a run (docs/EVALUATION.md, the report): kNN with the monitor's settings, the
 * linear probe, and 5-way 1- and 5-shot episodes, each with its command's defaults.
 */
public final class StandardEvaluations {
  /** Every standard evaluation, in the report's order. */
  public static final List<String> NAMES = List.of("knn", "linear", "fewshot");

  /** What {@code pretrain} runs after its last epoch (few-shot is left out for time). */
  public static final List<String> AFTER_PRETRAIN = List.of("knn", "linear");

  private StandardEvaluations() {}

  /** The standard evaluations named in {@code names}, in the report's order. */
  public static List<Evaluation> of(RunSpec cfg, Set<String> names) {
    List<Evaluation> out = new ArrayList<>();
    if (names.contains("knn")) {
      out.add(KnnEvaluation.forRun(cfg, null, null, null, null));
    }
    if (names.contains("linear")) {
      out.add(new LinearEvaluation(LinearEvaluation.DEFAULT_SEED));
    }
    if (names.contains("fewshot")) {
      FewShotEvaluation.DEFAULT_SHOTS.forEach(k -> out.add(FewShotEvaluation.standard(k)));
    }
    return out;
  }

  /**
   * Checks names given on the command line ({@code none} alone: no evaluation).
   *
   * @param option the option they came from, for the sentence that refuses an unknown one
   */
  public static Set<String> parse(List<String> names, String option) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : names) {
      String n = raw.trim().toLowerCase(Locale.ROOT);
      if (n.equals("none") && names.size() == 1) {
        return Set.of();
      }
      if (!NAMES.contains(n)) {
        throw new UserException(option + " takes " + String.join(", ", NAMES) + " (comma-separated) or none, not '"
            + raw + "'.");
      }
      out.add(n);
    }
    return out;
  }

  /** Position of an evaluation's name in the report's order (unknown names last). */
  static int order(String name) {
    int i = NAMES.indexOf(name);
    return i < 0 ? NAMES.size() : i;
  }
}
