package org.aucl.eval;

/**
 * Feature vectors of a set of images, kept on the Java heap so they outlive any NDManager.
 *
 * @param data row-major n x dim features
 * @param labels the images' labels (-1 when unknown)
 */
public record Features(float[] data, int n, int dim, int[] labels) {
  public Features {
    if (data.length != (long) n * dim || labels.length != n) {
      throw new IllegalArgumentException(
          "features hold " + data.length + " values and " + labels.length + " labels, expected " + n + " x " + dim);
    }
  }

  /** The number of classes the labels name: max label + 1. */
  public int numClasses() {
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    return max + 1;
  }

  /** The rows {@code rows}, in that order, in new arrays. */
  public Features select(int[] rows) {
    float[] d = new float[rows.length * dim];
    int[] l = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(data, rows[r] * dim, d, r * dim, dim);
      l[r] = labels[rows[r]];
    }
    return new Features(d, rows.length, dim, l);
  }

  /** These rows followed by {@code other}'s (same dimension). */
  public Features concat(Features other) {
    if (other.dim != dim) {
      throw new IllegalArgumentException("cannot join features of " + dim + " and " + other.dim + " dimensions");
    }
    float[] d = new float[data.length + other.data.length];
    System.arraycopy(data, 0, d, 0, data.length);
    System.arraycopy(other.data, 0, d, data.length, other.data.length);
    int[] l = new int[n + other.n];
    System.arraycopy(labels, 0, l, 0, n);
    System.arraycopy(other.labels, 0, l, n, other.n);
    return new Features(d, n + other.n, dim, l);
  }
}
