package org.aucl.augment;

/** One evaluation batch: un-augmented (only resized and normalised) images as float32 NCHW, labels, indices. */
public record Batch(float[] images, int[] labels, int[] indices, int size, int channels, int height, int width) {

  public long[] shape() {
    return new long[] {size, channels, height, width};
  }
}
