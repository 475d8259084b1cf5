package org.aucl.augment;

import java.util.IdentityHashMap;
import org.aucl.data.WorkArrays;

/**
 * Reusable work arrays of one thread, so that transforms allocate nothing per pixel or per image once
 * warm. Each transform asks for its arrays under its own identity ({@code owner}) and a small slot
 * number; an array is reallocated only when a larger one is needed. Not thread-safe: one per worker.
 */
public final class Scratch {
  private static final int SLOTS = 8;
  private final IdentityHashMap<Object, float[][]> floats = new IdentityHashMap<>();
  private final IdentityHashMap<Object, int[][]> ints = new IdentityHashMap<>();

  /** A float array of at least {@code length} elements (contents unspecified) for {@code owner}'s slot. */
  public float[] floats(Object owner, int slot, int length) {
    float[][] slots = floats.computeIfAbsent(owner, k -> new float[SLOTS][]);
    float[] a = slots[slot];
    if (a == null || a.length < length) {
      a = new float[length];
      slots[slot] = a;
    }
    return a;
  }

  /** {@code owner}'s slots 4 to 7 as {@link WorkArrays}, apart from the 0 to 3 it uses itself. */
  public WorkArrays work(Object owner) {
    return new WorkArrays() {
      @Override
      public float[] floats(int slot, int length) {
        return Scratch.this.floats(owner, 4 + slot, length);
      }

      @Override
      public int[] ints(int slot, int length) {
        return Scratch.this.ints(owner, 4 + slot, length);
      }
    };
  }

  /** An int array of at least {@code length} elements (contents unspecified) for {@code owner}'s slot. */
  public int[] ints(Object owner, int slot, int length) {
    int[][] slots = ints.computeIfAbsent(owner, k -> new int[SLOTS][]);
    int[] a = slots[slot];
    if (a == null || a.length < length) {
      a = new int[length];
      slots[slot] = a;
    }
    return a;
  }
}
