package org.aucl.embedding;

import java.nio.file.Path;
import java.util.List;

/** Placeholder until the Parquet writer lands: refuses to write. */
final class ParquetEmbeddingWriter implements EmbeddingWriter {
  ParquetEmbeddingWriter(Path target, EmbeddingColumns columns) {
    throw new UnsupportedOperationException("Parquet output is not written yet");
  }

  @Override
  public void write(EmbeddingRow row) {}

  @Override
  public long rows() {
    return 0;
  }

  @Override
  public List<Path> commit() {
    return List.of();
  }

  @Override
  public void close() {}
}
