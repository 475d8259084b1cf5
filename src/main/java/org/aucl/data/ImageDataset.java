package org.aucl.data;

import java.util.List;

/**
 * A fixed-size collection of images, with optional labels.
 *
 * <p>Images come out as float CHW arrays with values in [0, 1]. Most datasets hold images of one shape,
 * {@code channels() x height() x width()}; a folder of photos keeps each at its own shape
 * ({@link #shapesVary()}: image i is {@code channels() x height(i) x width(i)}, and {@code height()} and
 * {@code width()} are a nominal square, the side views are made at unless told otherwise).
 * Implementations must be safe to read from several threads at once (the loader's workers share one
 * dataset).
 */
public interface ImageDataset {
  /** Short name for logs and run directories, e.g. "fashion-mnist/train". */
  String name();

  int size();

  int channels();

  int height();

  int width();

  /** True when images have shapes of their own: {@link #height(int)}, {@link #width(int)}. */
  default boolean shapesVary() {
    return false;
  }

  /** Height of image {@code i} (known without decoding it). */
  default int height(int i) {
    return height();
  }

  /** Width of image {@code i} (known without decoding it). */
  default int width(int i) {
    return width();
  }

  /**
   * Writes image {@code i} into the first {@code channels * height(i) * width(i)} values of {@code dst},
   * CHW, values in [0, 1].
   */
  void image(int i, float[] dst);

  /** Image {@code i} in a new array. */
  default float[] image(int i) {
    float[] dst = new float[channels() * height(i) * width(i)];
    image(i, dst);
    return dst;
  }

  /** The class of image {@code i}, or -1 when the dataset is unlabeled. */
  int label(int i);

  /** Class names in label order; empty for an unlabeled dataset. */
  List<String> classNames();

  /**
   * What names image {@code i} outside aucl, so that an embedding row can be joined back to its image:
   * the path relative to the folder for image folders, else the index in the split.
   */
  default String id(int i) {
    return Integer.toString(i);
  }

  /** Files left out when the dataset was indexed because they cannot be read ({@link BadImages#SKIP}). */
  default List<SkippedImage> skipped() {
    return List.of();
  }

  default boolean labeled() {
    return !classNames().isEmpty();
  }
}
