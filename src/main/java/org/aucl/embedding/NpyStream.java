package org.aucl.embedding;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aucl.util.PendingFile;

/**
 * A NumPy {@code .npy} file (format version 1.0) written row by row when the row count is not known in
 * advance: the header is written with room for any 64-bit count, the rows are appended, and {@link
 * #commit()} writes the final shape into the header before renaming the file into place.
 *
 * <p>Version 1.0: the magic {@code \x93NUMPY}, version bytes 1 0, a little-endian uint16 header length,
 * an ASCII dict {@code {'descr': ..., 'fortran_order': False, 'shape': (...), }} padded with spaces
 * and ended by a newline so that the data starts at a multiple of 64 bytes, then the little-endian
 * values in C order.
 */
final class NpyStream implements AutoCloseable {
  /** Preamble plus header: the dict of any shape written here fits, padded. */
  private static final int HEADER_BYTES = 128;

  private final PendingFile file;
  private final String descr;
  private final long[] tail;
  private final int rowBytes;
  private final OutputStream out;
  private long rows;

  /**
   * @param descr "&lt;f4" (float32) or "&lt;i8" (int64)
   * @param tail the dimensions after the first (empty for a vector)
   * @param rowBytes bytes per row
   */
  NpyStream(Path target, String descr, long[] tail, int rowBytes) {
    this.file = PendingFile.begin(target);
    this.descr = descr;
    this.tail = tail.clone();
    this.rowBytes = rowBytes;
    try {
      this.out = new BufferedOutputStream(file.open(), 1 << 16);
      out.write(header(0));
    } catch (IOException e) {
      file.close();
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Appends one row's little-endian bytes. */
  void writeRow(byte[] bytes, int len) {
    if (len != rowBytes) {
      throw new IllegalArgumentException("a row of " + file.target() + " has " + rowBytes + " bytes, got " + len);
    }
    try {
      out.write(bytes, 0, len);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file.target() + ": " + e.getMessage(), e);
    }
    rows++;
  }

  long rows() {
    return rows;
  }

  Path target() {
    return file.target();
  }

  /** Writes the row count into the header and renames the file into place. */
  void commit() {
    try {
      out.close();
      try (RandomAccessFile raf = new RandomAccessFile(file.tmp().toFile(), "rw")) {
        raf.seek(0);
        raf.write(header(rows));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file.target() + ": " + e.getMessage(), e);
    }
    file.commit();
  }

  /** The preamble and padded header for {@code n} rows: always {@link #HEADER_BYTES} long. */
  byte[] header(long n) {
    StringBuilder shape = new StringBuilder("(").append(n);
    if (tail.length == 0) {
      shape.append(',');
    }
    for (long d : tail) {
      shape.append(", ").append(d);
    }
    shape.append(')');
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int preamble = 6 + 2 + 2;
    int pad = HEADER_BYTES - preamble - dict.length() - 1;
    if (pad < 0) {
      throw new IllegalStateException("an npy header of shape " + shape + " does not fit " + HEADER_BYTES + " bytes");
    }
    String header = dict + " ".repeat(pad) + "\n";
    byte[] bytes = new byte[HEADER_BYTES];
    byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    int len = header.length();
    bytes[8] = (byte) len;
    bytes[9] = (byte) (len >>> 8);
    System.arraycopy(header.getBytes(StandardCharsets.US_ASCII), 0, bytes, preamble, len);
    return bytes;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // abandoned or already committed
    }
    file.close();
  }
}
