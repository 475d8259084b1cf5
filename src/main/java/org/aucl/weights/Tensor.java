package org.aucl.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One named array of a safetensors file: its type, its shape (row-major, C order) and its bytes,
 * little-endian as the format stores them.
 */
public record Tensor(String name, DType dtype, long[] shape, byte[] data) {
  public Tensor {
    shape = shape.clone();
    long expected = elements(shape) * dtype.bytes();
    if (expected != data.length) {
      throw new IllegalArgumentException("tensor '" + name + "' of shape " + Arrays.toString(shape) + " and dtype "
          + dtype + " needs " + expected + " bytes, got " + data.length + ".");
    }
  }

  /** A float32 tensor. */
  public static Tensor ofFloats(String name, long[] shape, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return new Tensor(name, DType.F32, shape, b.array());
  }

  /** An int64 tensor. */
  public static Tensor ofLongs(String name, long[] shape, long[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(values);
    return new Tensor(name, DType.I64, shape, b.array());
  }

  /** Elements of an array of {@code shape} (1 for a scalar's empty shape). */
  public static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("a shape cannot hold a negative size: " + Arrays.toString(shape) + ".");
      }
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** The values as float32: F64 is rounded, F16 and BF16 widened exactly; an integer tensor is refused. */
  public float[] floats() {
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[(int) elements(shape)];
    switch (dtype) {
      case F32 -> b.asFloatBuffer().get(out);
      case F64 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) b.getDouble(8 * i);
        }
      }
      case F16 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = halfToFloat(b.getShort(2 * i));
        }
      }
      case BF16 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = Float.intBitsToFloat((b.getShort(2 * i) & 0xffff) << 16); // bfloat16 is float32's upper half
        }
      }
      case I64 -> throw new IllegalArgumentException("tensor '" + name + "' holds integers (I64), not weights.");
    }
    return out;
  }

  /** IEEE 754 binary16 to float32, exactly (Java 17 has no {@code Float.float16ToFloat}). */
  static float halfToFloat(short h) {
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13)); // infinity or NaN
    }
    if (exp == 0) {
      float sub = mant * 0x1p-24f; // zero or subnormal: mant * 2^-24, exact in float32
      return sign == 0 ? sub : -sub;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
        && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return name + " " + dtype + " " + Arrays.toString(shape);
  }
}
