package org.aucl.augment;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aucl.data.PackedImageDataset;

/**
 * Images of uniform random bytes (value {@code b / 255}), held in memory like a decoded IDX or CIFAR
 * file (a {@link PackedImageDataset}), with random labels of 10 classes: for loader benchmarks and tests
 * that need no files. Named {@code noise-<side>[-c<channels>][-n<count>]}, e.g. {@code noise-28} (10,000
 * images 1x28x28) or {@code noise-32-c3-n50000}.
 */
public final class NoiseDataset {
  private static final Pattern NAME = Pattern.compile("noise-(\\d+)(?:-c(\\d+))?(?:-n(\\d+))?");
  private static final List<String> CLASSES =
      List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");

  private NoiseDataset() {}

  /** {@code size} noise images of shape channels x height x width, the same for the same seed. */
  public static PackedImageDataset create(String name, int size, int channels, int height, int width, long seed) {
    ImageShape shape = new ImageShape(channels, height, width);
    if (size <= 0 || (long) size * shape.size() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("noise dataset size must be positive and fit in memory, got " + size + ".");
    }
    byte[] pixels = new byte[size * shape.size()];
    byte[] labels = new byte[size];
    SplittableRandom rng = Seeds.random(seed, 0x4E4F495345L);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) rng.nextInt(256);
    }
    for (int i = 0; i < size; i++) {
      labels[i] = (byte) rng.nextInt(CLASSES.size());
    }
    return PackedImageDataset.of(name, "noise", channels, height, width, pixels, labels, CLASSES);
  }

  /** The dataset named {@code noise-...} (see the class comment), or empty for any other name. */
  public static Optional<PackedImageDataset> fromName(String spec, long seed) {
    Matcher m = NAME.matcher(spec);
    if (!m.matches()) {
      return Optional.empty();
    }
    int side = Integer.parseInt(m.group(1));
    int c = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    int n = m.group(3) == null ? 10_000 : Integer.parseInt(m.group(3));
    return Optional.of(create(spec, n, c, side, side, seed));
  }
}
