package org.aucl.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aucl.util.UserException;

/**
 * N-way K-shot episodes drawn from labelled features: N classes among those with at least K + Q
 * images, then K support and Q query images per class, disjoint. Episode e depends only on (seed, e),
 * so the same seed gives the same episodes whatever else runs.
 */
public final class FewShotEpisodes {
  /** One episode: row indices into the features, and episode labels 0..ways-1. */
  public record Episode(int[] support, int[] supportLabels, int[] query, int[] queryLabels) {}

  private final List<int[]> byClass = new ArrayList<>();
  private final int ways;
  private final int shots;
  private final int queries;
  private final long seed;

  public FewShotEpisodes(int[] labels, int ways, int shots, int queries, long seed) {
    if (ways < 2) {
      throw new UserException("--ways must be at least 2, got " + ways + ".");
    }
    if (shots < 1 || queries < 1) {
      throw new UserException("--shots and --queries must be at least 1, got " + shots + " and " + queries + ".");
    }
    int classes = 0;
    for (int l : labels) {
      classes = Math.max(classes, l + 1);
    }
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        members.get(labels[i]).add(i);
      }
    }
    for (List<Integer> m : members) {
      if (m.size() >= (long) shots + queries) {
        byClass.add(m.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    if (byClass.size() < ways) {
      throw new UserException(ways + "-way " + shots + "-shot episodes with " + queries + " queries need " + ways
          + " classes of at least " + (shots + queries) + " images, but only " + byClass.size() + " of the "
          + classes + " classes have that many.");
    }
    this.ways = ways;
    this.shots = shots;
    this.queries = queries;
    this.seed = seed;
  }

  /** Refuses, in one sentence, episodes that {@code images} cannot give (too few classes, or images per class). */
  public static void requireFeasible(org.aucl.data.ImageDataset images, int ways, int shots, int queries) {
    if (!images.labeled()) {
      throw new UserException(images.name() + " has no labels, and few-shot episodes need them.");
    }
    int[] labels = new int[images.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = images.label(i);
    }
    new FewShotEpisodes(labels, ways, shots, queries, 0);
  }

  public Episode episode(int e) {
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + e);
    int[] classOrder = partialShuffle(byClass.size(), ways, rng);
    int[] support = new int[ways * shots];
    int[] supportLabels = new int[ways * shots];
    int[] query = new int[ways * queries];
    int[] queryLabels = new int[ways * queries];
    for (int w = 0; w < ways; w++) {
      int[] members = byClass.get(classOrder[w]);
      int[] pick = partialShuffle(members.length, shots + queries, rng);
      for (int s = 0; s < shots; s++) {
        support[w * shots + s] = members[pick[s]];
        supportLabels[w * shots + s] = w;
      }
      for (int q = 0; q < queries; q++) {
        query[w * queries + q] = members[pick[shots + q]];
        queryLabels[w * queries + q] = w;
      }
    }
    return new Episode(support, supportLabels, query, queryLabels);
  }

  /** The first {@code k} of a seeded random permutation of 0..n-1. */
  private static int[] partialShuffle(int n, int k, SplittableRandom rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return java.util.Arrays.copyOf(a, k);
  }
}
