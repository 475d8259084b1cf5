package org.aucl.embedding;

import java.nio.file.Path;

/** Whole NumPy files written in one call (a vector of indices, for instance). */
public final class NpyFiles {
  private NpyFiles() {}

  /** {@code values} as an int64 vector. */
  public static void writeLongs(Path file, int[] values) {
    byte[] row = new byte[Long.BYTES];
    try (NpyStream npy = new NpyStream(file, "<i8", new long[0], Long.BYTES)) {
      for (long v : values) {
        for (int k = 0; k < Long.BYTES; k++) {
          row[k] = (byte) (v >>> (8 * k));
        }
        npy.writeRow(row, row.length);
      }
      npy.commit();
    }
  }
}
