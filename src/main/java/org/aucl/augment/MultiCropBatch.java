package org.aucl.augment;

import java.util.List;

/**
 * One multi-crop batch of {@code size} images, the crops grouped by size: the 2 global crops (each
 * float32 NCHW, {@code size x globalShape}) and the c local crops (each {@code size x localShape}), with
 * the labels (-1 if unlabeled) and dataset indices. Crop k of image i was made from the generator of
 * (seed, epoch, position, k), globals first (k = 0, 1), then locals (k = 2 ..).
 */
public record MultiCropBatch(
    List<float[]> globals, ImageShape globalShape, List<float[]> locals, ImageShape localShape, int[] labels,
    int[] indices, int size) {

  /** NCHW shape of each global crop array. */
  public long[] globalArrayShape() {
    return new long[] {size, globalShape.channels(), globalShape.height(), globalShape.width()};
  }

  /** NCHW shape of each local crop array. */
  public long[] localArrayShape() {
    return new long[] {size, localShape.channels(), localShape.height(), localShape.width()};
  }
}
