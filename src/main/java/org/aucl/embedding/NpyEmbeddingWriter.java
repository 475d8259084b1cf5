package org.aucl.embedding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy files: {@code NAME.npy} an n x dim float32 array, {@code NAME.ids.csv} the rows' ids (and split,
 * label and class where there are), and {@code NAME.labels.npy} the labels as int64 when the dataset is
 * labelled. Row i of each is the same image.
 */
final class NpyEmbeddingWriter implements EmbeddingWriter {
  private final EmbeddingColumns columns;
  private final NpyStream vectors;
  private final CsvEmbeddingWriter ids;
  private final NpyStream labels;
  private final byte[] row;
  private final byte[] label = new byte[Long.BYTES];

  NpyEmbeddingWriter(Path target, EmbeddingColumns columns) {
    this.columns = columns;
    this.row = new byte[Math.multiplyExact(columns.dim(), Float.BYTES)];
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      this.vectors = new NpyStream(target, "<f4", new long[] {columns.dim()}, row.length);
      opened.add(vectors);
      this.ids = new CsvEmbeddingWriter(EmbeddingFormat.idsFile(target), columns.idsOnly());
      opened.add(ids);
      this.labels = columns.labeled() ? new NpyStream(EmbeddingFormat.labelsFile(target), "<i8", new long[0], 8) : null;
    } catch (RuntimeException e) {
      for (AutoCloseable c : opened) {
        try {
          c.close();
        } catch (Exception ignored) {
          // already failing
        }
      }
      throw e;
    }
  }

  @Override
  public void write(EmbeddingRow r) {
    Rows.check(r, columns);
    float[] v = r.vector();
    for (int j = 0; j < v.length; j++) {
      int bits = Float.floatToRawIntBits(v[j]);
      row[4 * j] = (byte) bits;
      row[4 * j + 1] = (byte) (bits >>> 8);
      row[4 * j + 2] = (byte) (bits >>> 16);
      row[4 * j + 3] = (byte) (bits >>> 24);
    }
    vectors.writeRow(row, row.length);
    ids.write(new EmbeddingRow(r.id(), r.split(), r.label(), new float[0]));
    if (labels != null) {
      long l = r.label();
      for (int k = 0; k < 8; k++) {
        label[k] = (byte) (l >>> (8 * k));
      }
      labels.writeRow(label, 8);
    }
  }

  @Override
  public long rows() {
    return vectors.rows();
  }

  @Override
  public List<Path> commit() {
    List<Path> files = new ArrayList<>();
    vectors.commit();
    files.add(vectors.target());
    files.addAll(ids.commit());
    if (labels != null) {
      labels.commit();
      files.add(labels.target());
    }
    return files;
  }

  @Override
  public void close() {
    vectors.close();
    ids.close();
    if (labels != null) {
      labels.close();
    }
  }
}
