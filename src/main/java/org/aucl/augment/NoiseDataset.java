package org.aucl.augment;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aucl.data.ImageDataset;

/**
 * Images of uniform random bytes (value {@code b / 255}), held in memory like a decoded IDX or CIFAR
 * file, with random labels of 10 classes: for loader benchmarks and tests that need no files.
 * Named {@code noise-<side>[-c<channels>][-n<count>]}, e.g. {@code noise-28} (10,000 images 1x28x28)
 * or {@code noise-32-c3-n50000}.
 */
public final class NoiseDataset implements ImageDataset {
  private static final Pattern NAME = Pattern.compile("noise-(\\d+)(?:-c(\\d+))?(?:-n(\\d+))?");
  private static final List<String> CLASSES =
      List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");

  private final String name;
  private final int size;
  private final int channels;
  private final int height;
  private final int width;
  private final byte[] pixels;
  private final int[] labels;

  public NoiseDataset(String name, int size, int channels, int height, int width, long seed) {
    ImageShape shape = new ImageShape(channels, height, width);
    if (size <= 0 || (long) size * shape.size() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("noise dataset size must be positive and fit in memory, got " + size + ".");
    }
    this.name = name;
    this.size = size;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.pixels = new byte[size * shape.size()];
    this.labels = new int[size];
    SplittableRandom rng = Seeds.random(seed, 0x4E4F495345L);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) rng.nextInt(256);
    }
    for (int i = 0; i < size; i++) {
      labels[i] = rng.nextInt(CLASSES.size());
    }
  }

  /** The dataset named {@code noise-...} (see the class comment), or empty for any other name. */
  public static Optional<NoiseDataset> fromName(String spec, long seed) {
    Matcher m = NAME.matcher(spec);
    if (!m.matches()) {
      return Optional.empty();
    }
    int side = Integer.parseInt(m.group(1));
    int c = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    int n = m.group(3) == null ? 10_000 : Integer.parseInt(m.group(3));
    return Optional.of(new NoiseDataset(spec, n, c, side, side, seed));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public void image(int i, float[] dst) {
    int len = channels * height * width;
    int off = i * len;
    for (int k = 0; k < len; k++) {
      dst[k] = (pixels[off + k] & 0xFF) * (1f / 255f);
    }
  }

  @Override
  public int label(int i) {
    return labels[i];
  }

  @Override
  public List<String> classNames() {
    return CLASSES;
  }
}
