package org.aucl.data;

import java.util.List;

/**
 * The bookkeeping shared by the datasets whose images all have one stored shape: name, channels x height x
 * width, class names, and the index check of {@link #label(int)}. Subclasses say where the pixels and
 * labels come from.
 */
abstract sealed class ShapedImageDataset implements ImageDataset permits PackedImageDataset, ImageFolderDataset {
  private final String name;
  private final int channels;
  private final int height;
  private final int width;
  private final List<String> classNames;

  /** @param classNames class names in label order; empty for an unlabeled dataset (copied) */
  ShapedImageDataset(String name, int channels, int height, int width, List<String> classNames) {
    this.name = name;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.classNames = List.copyOf(classNames);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int channels() {
    return channels;
  }

  @Override
  public final int height() {
    return height;
  }

  @Override
  public final int width() {
    return width;
  }

  @Override
  public final List<String> classNames() {
    return classNames;
  }

  /** Throws IndexOutOfBoundsException unless {@code 0 <= i < size()}. */
  final void checkIndex(int i) {
    if (i < 0 || i >= size()) {
      throw new IndexOutOfBoundsException("image index " + i + " outside 0.." + (size() - 1));
    }
  }
}
