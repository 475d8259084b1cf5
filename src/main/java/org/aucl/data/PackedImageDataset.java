package org.aucl.data;

import java.util.List;

/**
 * An {@link ImageDataset} over {@link PackedImages} held in memory: what the IDX, CIFAR and STL-10 readers
 * return. {@link #image(int, float[])} is a tight loop over a byte array; labels are -1 when unlabeled.
 */
public final class PackedImageDataset extends ShapedImageDataset {
  private final String format;
  private final PackedImages pixels;
  private final byte[] labels;

  /**
   * @param labels one class index (unsigned byte) per image, or null when unlabeled
   * @param classNames class names in label order; must be empty iff {@code labels} is null
   */
  PackedImageDataset(
      String name, String format, int channels, int height, int width, PackedImages pixels, byte[] labels,
      List<String> classNames) {
    super(name, channels, height, width, classNames);
    if (pixels.imageBytes() != channels * height * width) {
      throw new IllegalArgumentException("pixels hold " + pixels.imageBytes() + " bytes per image, shape needs "
          + channels * height * width);
    }
    if (labels != null && labels.length != pixels.count()) {
      throw new IllegalArgumentException(labels.length + " labels for " + pixels.count() + " images");
    }
    if ((labels == null) != classNames.isEmpty()) {
      throw new IllegalArgumentException("class names must be given exactly when labels are");
    }
    this.format = format;
    this.pixels = pixels;
    this.labels = labels;
  }

  /**
   * A dataset over images already in memory as one byte array, e.g. generated ones.
   *
   * @param pixels {@code count * channels * height * width} unsigned bytes, CHW per image, image after image
   *     (copied)
   * @param labels one class index (unsigned byte) per image, or null when unlabeled (copied)
   * @param classNames class names in label order; must be empty iff {@code labels} is null
   */
  public static PackedImageDataset of(
      String name, String format, int channels, int height, int width, byte[] pixels, byte[] labels,
      List<String> classNames) {
    int imageBytes = channels * height * width;
    if (channels <= 0 || height <= 0 || width <= 0 || pixels.length % imageBytes != 0) {
      throw new IllegalArgumentException(pixels.length + " pixel bytes do not make whole images of "
          + channels + "x" + height + "x" + width);
    }
    int count = pixels.length / imageBytes;
    PackedImages packed = new PackedImages(count, imageBytes);
    for (int i = 0; i < count; i++) {
      packed.put(i, pixels, i * imageBytes);
    }
    return new PackedImageDataset(name, format, channels, height, width, packed,
        labels == null ? null : labels.clone(), classNames);
  }

  /** The file format it was read from, e.g. "IDX", "CIFAR-10 binary". */
  public String format() {
    return format;
  }

  @Override
  public int size() {
    return pixels.count();
  }

  @Override
  public void image(int i, float[] dst) {
    pixels.read(i, dst);
  }

  @Override
  public int label(int i) {
    checkIndex(i);
    return labels == null ? -1 : labels[i] & 0xFF;
  }

  @Override
  public String toString() {
    return name() + " (" + format + ", " + size() + " x " + channels() + "x" + height() + "x" + width() + ")";
  }
}
