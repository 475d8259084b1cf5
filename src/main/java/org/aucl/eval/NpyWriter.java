package org.aucl.eval;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aucl.util.AtomicFiles;

/**
 * NumPy's {@code .npy} format, version 1.0: the magic {@code \x93NUMPY}, version bytes 1 0, a
 * little-endian uint16 header length, an ASCII header dict padded with spaces to a multiple of 64
 * bytes and ended by a newline, then the C-order little-endian data.
 */
public final class NpyWriter {
  private NpyWriter() {}

  /** An n x dim float32 array. */
  public static void writeFloats(Path file, float[] data, int n, int dim) {
    ByteBuffer b = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(data);
    write(file, "<f4", "(" + n + ", " + dim + ")", b.array());
  }

  /** A vector of int64. */
  public static void writeLongs(Path file, int[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putLong(v);
    }
    write(file, "<i8", "(" + values.length + ",)", b.array());
  }

  private static void write(Path file, String descr, String shape, byte[] body) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int preamble = 6 + 2 + 2;
    int total = preamble + dict.length() + 1;
    int padded = (total + 63) / 64 * 64;
    String header = dict + " ".repeat(padded - total) + "\n";
    AtomicFiles.write(file, out -> {
      out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
      int len = header.length();
      out.write(new byte[] {(byte) len, (byte) (len >>> 8)});
      out.write(header.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
    });
  }
}
