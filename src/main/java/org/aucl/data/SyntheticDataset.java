package org.aucl.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Coloured shapes with class labels, generated on demand from (seed, index): the same seed and index give
 * the same image on every machine and from every thread.
 *
 * <p>Class k (0..9) is a shape: disc, square, triangle, plus, ring, half-disc, striped disc, checkered disc,
 * hollow square, ellipse. Each image draws its own centre, radius (18% to 35% of the side), rotation,
 * foreground and background colours (light on dark or dark on light) and near-Gaussian pixel noise (sigma 0.06),
 * so colour and position carry no class information and a model must learn the shapes. Labels cycle
 * (label of i is i mod numClasses), so every class has the same count up to one.
 */
public final class SyntheticDataset implements ImageDataset {
  /** The shapes, in label order. */
  public static final List<String> SHAPES = List.of(
      "disc", "square", "triangle", "plus", "ring", "half-disc", "striped-disc", "checkered-disc",
      "hollow-square", "ellipse");

  private static final float NOISE_SIGMA = 0.06f;
  private static final float SQRT3 = (float) Math.sqrt(3);
  private static final double SQRT3_D = Math.sqrt(3);

  private final String name;
  private final int count;
  private final int side;
  private final int channels;
  private final int numClasses;
  private final long seed;

  /**
   * @param count number of images (>= 1)
   * @param side image height and width in pixels (8..1024)
   * @param channels 1 (grayscale) or 3 (RGB)
   * @param numClasses 2..10
   */
  public SyntheticDataset(String name, int count, int side, int channels, int numClasses, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("synthetic dataset size must be >= 1, got " + count);
    }
    if (side < 8 || side > 1024) {
      throw new IllegalArgumentException("synthetic image size must be in 8..1024, got " + side);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("synthetic channels must be 1 or 3, got " + channels);
    }
    if (numClasses < 2 || numClasses > SHAPES.size()) {
      throw new IllegalArgumentException("synthetic classes must be in 2.." + SHAPES.size() + ", got " + numClasses);
    }
    this.name = name;
    this.count = count;
    this.side = side;
    this.channels = channels;
    this.numClasses = numClasses;
    this.seed = seed;
  }

  @Override
  public String name() {
    return name;
  }

  public long seed() {
    return seed;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return side;
  }

  @Override
  public int width() {
    return side;
  }

  @Override
  public int label(int i) {
    checkIndex(i);
    return i % numClasses;
  }

  @Override
  public List<String> classNames() {
    return SHAPES.subList(0, numClasses);
  }

  @Override
  public void image(int i, float[] dst) {
    checkIndex(i);
    int plane = side * side;
    if (dst.length < channels * plane) {
      throw new IllegalArgumentException("dst has length " + dst.length + ", needs " + channels * plane);
    }
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int shape = label(i);
    float cx = side * (0.3f + 0.4f * (float) rnd.nextDouble());
    float cy = side * (0.3f + 0.4f * (float) rnd.nextDouble());
    float radius = side * (0.18f + 0.17f * (float) rnd.nextDouble());
    double angle = rnd.nextDouble() * 2 * Math.PI;
    float cos = (float) Math.cos(angle);
    float sin = (float) Math.sin(angle);
    float[] fg = new float[3];
    float[] bg = new float[3];
    boolean lightOnDark = rnd.nextBoolean();
    for (int c = 0; c < 3; c++) {
      float light = 0.6f + 0.4f * (float) rnd.nextDouble();
      float dark = 0.4f * (float) rnd.nextDouble();
      fg[c] = lightOnDark ? light : dark;
      bg[c] = lightOnDark ? dark : light;
    }
    if (channels == 1) {
      fg[0] = 0.299f * fg[0] + 0.587f * fg[1] + 0.114f * fg[2];
      bg[0] = 0.299f * bg[0] + 0.587f * bg[1] + 0.114f * bg[2];
    }
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        float dx = (x + 0.5f - cx) / radius;
        float dy = (y + 0.5f - cy) / radius;
        float u = cos * dx + sin * dy;
        float v = -sin * dx + cos * dy;
        boolean in = inside(shape, u, v);
        int p = y * side + x;
        for (int c = 0; c < channels; c++) {
          float value = (in ? fg[c] : bg[c]) + NOISE_SIGMA * (float) gaussian(rnd);
          dst[c * plane + p] = Math.min(1f, Math.max(0f, value));
        }
      }
    }
  }

  /** Whether shape-local point (u, v), in units of the radius, lies inside {@code shape}. */
  static boolean inside(int shape, float u, float v) {
    float r2 = u * u + v * v;
    float au = Math.abs(u);
    float av = Math.abs(v);
    switch (shape) {
      case 0: return r2 <= 1f;
      case 1: return Math.max(au, av) <= 0.8f;
      case 2: return v >= -0.5f && v <= 1f - SQRT3 * au;
      case 3: return (au <= 0.28f && av <= 1f) || (av <= 0.28f && au <= 1f);
      case 4: return r2 <= 1f && r2 >= 0.3f;
      case 5: return r2 <= 1f && v >= 0f;
      case 6: return r2 <= 1f && (((int) Math.floor((u + 1f) * 2.5f)) & 1) == 0;
      case 7: return r2 <= 1f && ((((int) Math.floor((u + 2f) * 2f)) + ((int) Math.floor((v + 2f) * 2f))) & 1) == 0;
      case 8: {
        float m = Math.max(au, av);
        return m <= 0.9f && m >= 0.5f;
      }
      case 9: return u * u + (v * v) / 0.16f <= 1f;
      default: throw new IllegalArgumentException("no shape " + shape);
    }
  }

  /**
   * Approximately standard normal: the sum of four 16-bit uniforms from one random long (Irwin-Hall, n=4),
   * centred and scaled to unit variance. Cheap, and plenty for pixel noise.
   */
  private static double gaussian(SplittableRandom rnd) {
    long r = rnd.nextLong();
    long sum = (r & 0xFFFF) + ((r >>> 16) & 0xFFFF) + ((r >>> 32) & 0xFFFF) + ((r >>> 48) & 0xFFFF);
    return (sum / 65536.0 - 2.0) * SQRT3_D;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("image index " + i + " outside 0.." + (count - 1));
    }
  }
}
