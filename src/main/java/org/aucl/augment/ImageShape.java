package org.aucl.augment;

/** The shape of one CHW image: channels, height, width (all positive). */
public record ImageShape(int channels, int height, int width) {

  public ImageShape {
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "image shape must be positive, got " + channels + "x" + height + "x" + width + ".");
    }
  }

  /** Number of floats of one image: channels * height * width. */
  public int size() {
    return channels * height * width;
  }

  /** Pixels of one channel plane: height * width. */
  public int plane() {
    return height * width;
  }

  /** The shape of image {@code i} of {@code ds} (each image's own when its shapes vary). */
  public static ImageShape of(org.aucl.data.ImageDataset ds, int i) {
    return new ImageShape(ds.channels(), ds.height(i), ds.width(i));
  }

  /** The shape of {@code ds}'s images: their common one, or the nominal square when their shapes vary. */
  public static ImageShape of(org.aucl.data.ImageDataset ds) {
    return new ImageShape(ds.channels(), ds.height(), ds.width());
  }

  public ImageShape withSize(int newHeight, int newWidth) {
    return new ImageShape(channels, newHeight, newWidth);
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
