package org.aucl.weights;

import java.util.Locale;

/**
 * The safetensors element types aucl reads, by their names in the header, with their sizes in bytes.
 * Floating types are read as float32 ({@link Tensor#floats()}); I64 holds BatchNorm's
 * {@code num_batches_tracked}.
 */
public enum DType {
  F64(8), F32(4), F16(2), BF16(2), I64(8);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  public int bytes() {
    return bytes;
  }

  /** The type named {@code name} in a header; a type aucl does not read is the file's problem, said in one sentence. */
  public static DType of(String name, String tensor) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tensor '" + tensor + "' has dtype " + name
          + ", which aucl does not read (it reads F32, F64, F16, BF16 and I64).");
    }
  }

  public boolean isFloat() {
    return this != I64;
  }
}
