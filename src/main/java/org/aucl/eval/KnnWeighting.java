package org.aucl.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a kNN neighbour's vote is weighted from its cosine similarity {@code sim} to the query
 * (docs/EVALUATION.md). A temperature t > 0 replaces either by {@code exp(sim / t)}.
 */
public enum KnnWeighting {
  /** {@code sim} itself (ours, the default). */
  SIMILARITY("similarity"),
  /** {@code (1 + sim) / 2}, in [0, 1]: the authors' CIFAR monitor, where no neighbour votes against. */
  SHIFTED_COSINE("shifted-cosine");

  private final String label;

  KnnWeighting(String label) {
    this.label = label;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(KnnWeighting::toString).toList();
  }

  public static KnnWeighting parse(String text) {
    for (KnnWeighting w : values()) {
      if (w.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return w;
      }
    }
    throw new IllegalArgumentException(
        "unknown kNN weighting '" + text + "': expected one of " + String.join(", ", names()) + ".");
  }

  @Override
  public String toString() {
    return label;
  }
}
