package org.aucl.augment;

/**
 * One training batch: two augmented views of each of {@code size} images, as float32 NCHW arrays,
 * with the images' labels (-1 if unlabeled) and their indices in the dataset (SogCLR keys on them).
 */
public record PairBatch(
    float[] view1, float[] view2, int[] labels, int[] indices, int size, int channels, int height, int width) {

  public long[] shape() {
    return new long[] {size, channels, height, width};
  }
}
