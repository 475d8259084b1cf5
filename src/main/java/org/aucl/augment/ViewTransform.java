package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * One step of a view's augmentation on a plain float CHW image.
 *
 * <p>{@link #apply} reads {@code src} (shape {@code in}, at offset 0) and writes the result, of shape
 * {@link #outputShape(ImageShape) outputShape(in)}, into {@code dst} at offset 0. A transform whose
 * output shape equals its input shape must also work in place ({@code src == dst}); one that changes
 * the shape is never called in place. All randomness comes from {@code rng}, so a transform is
 * deterministic given the generator's state; temporary arrays come from {@code scratch}. Transforms
 * hold no mutable state and may be shared by threads (each with its own scratch and generator).
 */
public interface ViewTransform {

  /** Shape of the output for an input of shape {@code in}. */
  ImageShape outputShape(ImageShape in);

  /** Transforms {@code src} (shape {@code in}) into {@code dst} (shape {@code outputShape(in)}). */
  void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch);

  /** Copies the image when not in place; for transforms that decided to do nothing. */
  static void copyIfNeeded(float[] src, float[] dst, int length) {
    if (src != dst) {
      System.arraycopy(src, 0, dst, 0, length);
    }
  }
}
