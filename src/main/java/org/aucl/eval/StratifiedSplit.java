package org.aucl.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A deterministic class-balanced split of indices into a kept part and a held-out part: each class
 * gives {@code round(fraction * its count)} of its members to the held-out part, at least one and
 * never all when it has two or more. Both parts are sorted.
 *
 * @param kept indices not held out
 * @param heldOut indices held out
 */
public record StratifiedSplit(int[] kept, int[] heldOut) {

  /** Splits {@code 0..labels.length-1} by class; the same labels, fraction and seed give the same split. */
  public static StratifiedSplit of(int[] labels, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + fraction);
    }
    int classes = Arrays.stream(labels).max().orElse(-1) + 1;
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        byClass.get(labels[i]).add(i);
      }
    }
    Random rnd = new Random(seed);
    List<Integer> kept = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    for (List<Integer> members : byClass) {
      java.util.Collections.shuffle(members, rnd);
      int n = members.size();
      int h = n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(fraction * n)));
      held.addAll(members.subList(0, h));
      kept.addAll(members.subList(h, n));
    }
    return new StratifiedSplit(sorted(kept), sorted(held));
  }

  private static int[] sorted(List<Integer> xs) {
    int[] a = xs.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a;
  }
}
