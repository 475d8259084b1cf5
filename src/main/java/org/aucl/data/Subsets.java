package org.aucl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Deterministic subsets of a dataset (the trainer's {@code --subset N}). */
public final class Subsets {
  private Subsets() {}

  /**
   * A deterministic class-balanced subset of {@code n} images (plain random subset if unlabeled).
   *
   * <p>Each class gets n / K images, and n mod K classes (chosen by the seed) one more; a class with too few
   * images gives all it has and the shortfall goes to the others, so the result always has n images.
   * Within a class the images are a seeded random sample. The subset keeps the source's order of indices.
   *
   * @throws IllegalArgumentException when n is not in 1..source.size()
   */
  public static ImageDataset balanced(ImageDataset source, int n, long seed) {
    if (n < 1 || n > source.size()) {
      throw new IllegalArgumentException("--subset must be in 1.." + source.size() + " for " + source.name()
          + ", got " + n);
    }
    String name = source.name() + "[subset " + n + " seed " + seed + "]";
    return new SubsetDataset(source, balancedIndices(source, n, seed), name);
  }

  /** The sorted source indices that {@link #balanced} picks. */
  static int[] balancedIndices(ImageDataset source, int n, long seed) {
    Random rnd = new Random(seed);
    int k = source.labeled() ? source.classNames().size() : 1;
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < source.size(); i++) {
      int label = source.labeled() ? source.label(i) : 0;
      if (label < 0 || label >= k) {
        label = 0;
      }
      byClass.get(label).add(i);
    }
    for (List<Integer> members : byClass) {
      Collections.shuffle(members, rnd);
    }
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    Collections.shuffle(Arrays.asList(order), rnd);
    int[] take = new int[k];
    int left = n;
    // Fair rounds: every class that still has images gets one more, in the seeded class order.
    while (left > 0) {
      int active = 0;
      for (int c : order) {
        if (take[c] < byClass.get(c).size()) {
          active++;
        }
      }
      int perClass = Math.max(1, left / Math.max(1, active));
      for (int c : order) {
        if (left == 0) {
          break;
        }
        int room = byClass.get(c).size() - take[c];
        int add = Math.min(Math.min(perClass, room), left);
        take[c] += add;
        left -= add;
      }
    }
    int[] out = new int[n];
    int j = 0;
    for (int c = 0; c < k; c++) {
      for (int m = 0; m < take[c]; m++) {
        out[j++] = byClass.get(c).get(m);
      }
    }
    Arrays.sort(out);
    return out;
  }
}
