package org.aucl.embedding;

import java.nio.file.Path;
import java.util.Locale;
import org.aucl.util.UserException;

/** The file formats embeddings are written in, chosen by the file name's extension. */
public enum EmbeddingFormat {
  CSV(".csv"),
  NPY(".npy"),
  PARQUET(".parquet");

  private final String extension;

  EmbeddingFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The format {@code file}'s name asks for; a user mistake when it names none. */
  public static EmbeddingFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (EmbeddingFormat f : values()) {
      if (name.endsWith(f.extension)) {
        return f;
      }
    }
    throw new UserException("--out " + file + " names no format aucl writes: end it in .csv, .npy or .parquet.");
  }

  /** A writer of this format to {@code target}. */
  public EmbeddingWriter open(Path target, EmbeddingColumns columns) {
    return switch (this) {
      case CSV -> new CsvEmbeddingWriter(target, columns);
      case NPY -> new NpyEmbeddingWriter(target, columns);
      case PARQUET -> new ParquetEmbeddingWriter(target, columns);
    };
  }

  /** {@code x.npy} to {@code x.ids.csv}: the ids beside an NPY array. */
  public static Path idsFile(Path npy) {
    return sibling(npy, ".ids.csv");
  }

  /** {@code x.npy} to {@code x.labels.npy}. */
  public static Path labelsFile(Path npy) {
    return sibling(npy, ".labels.npy");
  }

  private static Path sibling(Path npy, String suffix) {
    String name = npy.getFileName().toString();
    return npy.resolveSibling(name.substring(0, name.length() - NPY.extension.length()) + suffix);
  }
}
