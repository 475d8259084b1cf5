package org.aucl.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * What an embedding file holds per row, besides the vector: the image's id always, the split it came
 * from when the images came from more than one, its label and class name when the dataset has labels.
 *
 * @param dim length of the vectors (0 for a file of ids alone)
 * @param split whether rows carry the split they came from ("train", "test")
 * @param classNames class names in label order; empty when the dataset is unlabeled
 */
public record EmbeddingColumns(int dim, boolean split, List<String> classNames) {
  public EmbeddingColumns {
    if (dim < 0) {
      throw new IllegalArgumentException("dimension must be >= 0, got " + dim);
    }
    classNames = List.copyOf(classNames);
  }

  public boolean labeled() {
    return !classNames.isEmpty();
  }

  /** The same columns without the vector: what an ids file beside an array holds. */
  public EmbeddingColumns idsOnly() {
    return new EmbeddingColumns(0, split, classNames);
  }

  /** The names of the columns before the vector, in file order: id[, split][, label, class]. */
  public List<String> keyNames() {
    List<String> names = new ArrayList<>(List.of("id"));
    if (split) {
      names.add("split");
    }
    if (labeled()) {
      names.add("label");
      names.add("class");
    }
    return names;
  }

  /** The class name of {@code label}, or null for -1. */
  public String className(int label) {
    return label < 0 ? null : classNames.get(label);
  }
}
