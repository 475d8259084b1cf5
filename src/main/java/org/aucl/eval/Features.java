package org.aucl.eval;

/**
 * Feature vectors of a set of images, kept on the Java heap so they outlive any NDManager.
 *
 * @param data row-major n x dim features (L2-normalised by the encoder)
 * @param labels the images' labels (-1 when unknown)
 */
public record Features(float[] data, int n, int dim, int[] labels) {
  public Features {
    if (data.length != (long) n * dim || labels.length != n) {
      throw new IllegalArgumentException(
          "features hold " + data.length + " values and " + labels.length + " labels, expected " + n + " x " + dim);
    }
  }

  /** Row {@code i} copied into a new array. */
  public float[] row(int i) {
    float[] r = new float[dim];
    System.arraycopy(data, i * dim, r, 0, dim);
    return r;
  }

  /** The number of classes the labels name: max label + 1. */
  public int numClasses() {
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    return max + 1;
  }
}
