package org.aucl.data;

/**
 * Reusable arrays for a computation that runs once per image ({@link Antialiased}), so that it
 * allocates nothing once warm: a slot's array is at least the length asked, contents unspecified.
 */
public interface WorkArrays {
  float[] floats(int slot, int length);

  int[] ints(int slot, int length);

  /** Fresh arrays every time: for one-off calls. */
  static WorkArrays fresh() {
    return new WorkArrays() {
      @Override
      public float[] floats(int slot, int length) {
        return new float[length];
      }

      @Override
      public int[] ints(int slot, int length) {
        return new int[length];
      }
    };
  }
}
