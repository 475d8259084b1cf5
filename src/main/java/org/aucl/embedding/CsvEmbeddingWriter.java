package org.aucl.embedding;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.aucl.util.PendingFile;

/**
 * CSV (RFC 4180, UTF-8, a header line): {@code id[,split][,label,class],v0,...}. Fields holding a
 * comma, a quote or a line break are quoted, quotes doubled; floats are written as the shortest text
 * that reads back to the same float.
 */
final class CsvEmbeddingWriter implements EmbeddingWriter {
  private final EmbeddingColumns columns;
  private final PendingFile file;
  private final Writer out;
  private final StringBuilder line = new StringBuilder();
  private long rows;

  CsvEmbeddingWriter(Path target, EmbeddingColumns columns) {
    this.columns = columns;
    this.file = PendingFile.begin(target);
    try {
      this.out = new BufferedWriter(new OutputStreamWriter(file.open(), StandardCharsets.UTF_8), 1 << 16);
      List<String> header = new java.util.ArrayList<>(columns.keyNames());
      for (int j = 0; j < columns.dim(); j++) {
        header.add("v" + j);
      }
      out.write(String.join(",", header));
      out.write('\n');
    } catch (IOException e) {
      file.close();
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(EmbeddingRow row) {
    Rows.check(row, columns);
    line.setLength(0);
    quoted(row.id());
    if (columns.split()) {
      line.append(',');
      quoted(row.split());
    }
    if (columns.labeled()) {
      line.append(',').append(row.label()).append(',');
      quoted(columns.className(row.label()));
    }
    for (float v : row.vector()) {
      line.append(',').append(v);
    }
    line.append('\n');
    try {
      out.write(line.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file.target() + ": " + e.getMessage(), e);
    }
    rows++;
  }

  private void quoted(String field) {
    if (field == null) {
      return;
    }
    boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
        || field.indexOf('\r') >= 0;
    if (!quote) {
      line.append(field);
      return;
    }
    line.append('"').append(field.replace("\"", "\"\"")).append('"');
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public List<Path> commit() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file.target() + ": " + e.getMessage(), e);
    }
    file.commit();
    return List.of(file.target());
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // the file is being abandoned or was already committed
    }
    file.close();
  }
}
