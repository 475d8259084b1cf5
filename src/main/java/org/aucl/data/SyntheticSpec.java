package org.aucl.data;

import java.util.List;
import java.util.Locale;

/**
 * The generator's settings, written as {@code synthetic[:key=value,...]} with keys {@code n} (train size,
 * default 10000), {@code test} (test size, default n/5), {@code size} (side, default 32), {@code channels}
 * (1 or 3, default 3), {@code classes} (2..10, default 10), {@code seed} (default 0). The test split uses a
 * different stream of the seed, so its images differ from the training images.
 */
public record SyntheticSpec(int trainSize, int testSize, int side, int channels, int classes, long seed) {
  private static final long TEST_STREAM = 0x5DEECE66DL;

  public static SyntheticSpec parse(String spec) {
    int n = 10_000;
    Integer test = null;
    int size = 32;
    int channels = 3;
    int classes = 10;
    long seed = 0;
    int colon = spec.indexOf(':');
    if (colon >= 0 && colon < spec.length() - 1) {
      for (String kv : spec.substring(colon + 1).split(",")) {
        String[] parts = kv.split("=", 2);
        if (parts.length != 2) {
          throw new IllegalArgumentException("Synthetic dataset option '" + kv + "' is not key=value (in '" + spec + "').");
        }
        String k = parts[0].trim().toLowerCase(Locale.ROOT);
        String v = parts[1].trim();
        try {
          switch (k) {
            case "n" -> n = Integer.parseInt(v);
            case "test" -> test = Integer.parseInt(v);
            case "size" -> size = Integer.parseInt(v);
            case "channels" -> channels = Integer.parseInt(v);
            case "classes" -> classes = Integer.parseInt(v);
            case "seed" -> seed = Long.parseLong(v);
            default -> throw new IllegalArgumentException("Synthetic dataset option '" + k
                + "' is unknown (known: n, test, size, channels, classes, seed).");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Synthetic dataset option " + k + "=" + v + " is not a number.");
        }
      }
    }
    return new SyntheticSpec(n, test != null ? test : Math.max(1, n / 5), size, channels, classes, seed);
  }

  /** The train and test splits as a source. */
  public DatasetSource source() {
    String name = "synthetic";
    return new DatasetSource(name, "synthetic shapes", "generated (seed " + seed + ")", List.of("train", "test"),
        split -> split.equals("train")
            ? new SyntheticDataset(name + "/train", trainSize, side, channels, classes, seed)
            : new SyntheticDataset(name + "/test", testSize, side, channels, classes, seed ^ TEST_STREAM));
  }
}
