package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * Derives independent random generators from a seed and a tuple of integers (e.g. seed, epoch,
 * position, view) by hashing with the SplitMix64 finaliser, so that a generator depends on the tuple
 * only, never on the order in which generators were made.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mixer. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A 64-bit hash of the seed and the parts, in order. */
  public static long hash(long seed, long... parts) {
    long h = mix(seed + GOLDEN);
    for (long p : parts) {
      h = mix(h ^ mix(p * GOLDEN + 0x632BE59BD9B4E019L));
    }
    return h;
  }

  /** A generator seeded from {@link #hash(long, long...)}. */
  public static SplittableRandom random(long seed, long... parts) {
    return new SplittableRandom(hash(seed, parts));
  }
}
