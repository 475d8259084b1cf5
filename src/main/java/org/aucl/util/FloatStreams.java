package org.aucl.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.FloatBuffer;

/**
 * Writes an array's float32 values to a stream without copying the array onto the Java heap.
 *
 * <p>{@code toFloatArray()} makes two heap copies of the array (the engine's bytes, then the floats):
 * for a checkpoint of every parameter and optimiser moment, that is twice the checkpoint's size in
 * large short-lived objects (about 270 MB for a full-width ResNet-18 with AdamW). Here the values are
 * read through a view of the engine's own memory and written through a 16 kB buffer.
 */
public final class FloatStreams {
  private static final int CHUNK = 4096;

  private FloatStreams() {}

  /** Writes every value of {@code a} (float32) as {@link DataOutput#writeFloat} would, in order. */
  public static void write(NDArray a, DataOutput out) throws IOException {
    if (a.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("expected a float32 array, got " + a.getDataType() + ".");
    }
    // a contiguous copy (or a copy to the CPU), when the engine needs one, is closed with tmp
    try (NDManager tmp = a.getManager().newSubManager()) {
      tmp.tempAttachAll(a);
      FloatBuffer values = a.toByteBuffer(true).asFloatBuffer();
      byte[] chunk = new byte[4 * CHUNK];
      while (values.hasRemaining()) {
        int n = Math.min(CHUNK, values.remaining());
        for (int i = 0; i < n; i++) {
          int bits = Float.floatToIntBits(values.get()); // as writeFloat: big-endian, NaN canonical
          chunk[4 * i] = (byte) (bits >>> 24);
          chunk[4 * i + 1] = (byte) (bits >>> 16);
          chunk[4 * i + 2] = (byte) (bits >>> 8);
          chunk[4 * i + 3] = (byte) bits;
        }
        out.write(chunk, 0, 4 * n);
      }
    }
  }
}
