package org.aucl.embedding;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes embedding rows as they come, in constant memory, under temporary names: {@link #commit()}
 * puts the finished files in place; {@link #close()} without a commit deletes what was written.
 */
public interface EmbeddingWriter extends AutoCloseable {
  /** Appends one row; its vector must have the columns' dimension. */
  void write(EmbeddingRow row);

  /** Rows written so far. */
  long rows();

  /** Finishes the files and renames them into place; returns them, main file first. */
  List<Path> commit();

  /** Deletes the temporary files unless committed. */
  @Override
  void close();
}
