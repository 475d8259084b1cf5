package org.aucl.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FloatStreamsTest {
  private static byte[] naive(float[] values) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buf);
    for (float f : values) {
      out.writeFloat(f);
    }
    return buf.toByteArray();
  }

  private static byte[] streamed(NDArray a) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    FloatStreams.write(a, new DataOutputStream(buf));
    return buf.toByteArray();
  }

  @Test
  void writesWhatWriteFloatWritesAndLeavesNoArrayBehind() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] values = new float[3 * 4096 + 7]; // more than one chunk
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) Math.sin(i) * 1e3f;
      }
      values[1] = Float.NaN;
      values[2] = Float.NEGATIVE_INFINITY;
      assertArrayEquals(naive(values), streamed(m.create(values, new Shape(values.length))));
      NDArray wide = m.create(values, new Shape(values.length)).reshape(1, values.length).repeat(0, 2);
      NDArray transposed = wide.transpose(); // not contiguous: the engine copies it, the copy is closed
      byte[] expected = naive(transposed.toFloatArray());
      int before = m.getManagedArrays().size();
      byte[] got = streamed(transposed);
      assertArrayEquals(expected, got);
      assertEquals(before, m.getManagedArrays().size(), "no array is left in the manager");
      assertArrayEquals(new byte[0], streamed(m.create(new float[0])));
      assertThrows(IllegalArgumentException.class, () -> streamed(m.zeros(new Shape(2), DataType.INT32)));
    }
  }
}
