package org.aucl.augment;

/**
 * One batch of any number of views of each of {@code size} images: {@code views[v]} is float32 NCHW
 * of shape {@code size x shapes[v]}, with the images' labels (-1 if unlabeled) and dataset indices.
 */
public record ViewBatch(float[][] views, ImageShape[] shapes, int[] labels, int[] indices, int size) {

  /** The NCHW shape of view {@code v}. */
  public long[] shape(int v) {
    ImageShape s = shapes[v];
    return new long[] {size, s.channels(), s.height(), s.width()};
  }
}
