package org.aucl.data;

import java.util.List;

/**
 * A fixed-size collection of images of one shape, with optional labels.
 *
 * <p>Images come out as float CHW arrays with values in [0, 1]. Implementations must be safe to read
 * from several threads at once (the loader's workers share one dataset).
 */
public interface ImageDataset {
  /** Short name for logs and run directories, e.g. "fashion-mnist/train". */
  String name();

  int size();

  int channels();

  int height();

  int width();

  /** Writes image {@code i} into {@code dst} (length channels*height*width), CHW, values in [0, 1]. */
  void image(int i, float[] dst);

  /** Image {@code i} in a new array. */
  default float[] image(int i) {
    float[] dst = new float[channels() * height() * width()];
    image(i, dst);
    return dst;
  }

  /** The class of image {@code i}, or -1 when the dataset is unlabeled. */
  int label(int i);

  /** Class names in label order; empty for an unlabeled dataset. */
  List<String> classNames();

  default boolean labeled() {
    return !classNames().isEmpty();
  }
}
