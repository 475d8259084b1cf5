package org.aucl.embedding;

/** Checks shared by the writers: a row fits the columns it is written under. */
final class Rows {
  private Rows() {}

  static void check(EmbeddingRow row, EmbeddingColumns columns) {
    if (row.id() == null) {
      throw new IllegalArgumentException("a row needs an id");
    }
    if (row.vector().length != columns.dim()) {
      throw new IllegalArgumentException(
          "row " + row.id() + " has " + row.vector().length + " values, the file " + columns.dim());
    }
    if (columns.split() != (row.split() != null)) {
      throw new IllegalArgumentException("row " + row.id() + (columns.split() ? " lacks its split" : " has a split"));
    }
    if (row.label() < -1 || row.label() >= columns.classNames().size() || columns.labeled() != (row.label() >= 0)) {
      throw new IllegalArgumentException(
          "row " + row.id() + " has label " + row.label() + " in a file of " + columns.classNames().size() + " classes");
    }
  }
}
