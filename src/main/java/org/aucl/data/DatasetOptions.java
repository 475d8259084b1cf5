package org.aucl.data;

/**
 * How to read a dataset where there is a choice.
 *
 * @param coarseLabels CIFAR-100: the 20 superclasses instead of the 100 fine classes
 * @param imageSize the side views are made at (0: the dataset's size); image folders are not resized by it
 *     any more: their images keep their shapes
 * @param channels image folders: 1 (grayscale), 3 (RGB), or 0: 1 when the images are stored grey, else 3
 * @param labels image folders: whether sub-folders are classes
 * @param onBadImage image folders: what a file that cannot be read does
 * @param keepDecoded image folders: keep decoded images in memory (up to 1 GiB) for the next read; off
 *     for a single pass over a corpus, which then runs in constant memory
 * @param shortSide image folders: 0 keeps every image at its decoded size; N downscales (antialiased) each
 *     image whose short side is longer than N once, at decode, to short side N (aspect ratio kept:
 *     torchvision's {@code Resize(N)}), so that more images stay in memory and crops cost less
 */
public record DatasetOptions(
    boolean coarseLabels, int imageSize, int channels, FolderLabels labels, BadImages onBadImage, boolean keepDecoded,
    int shortSide) {
  public static final DatasetOptions DEFAULTS =
      new DatasetOptions(false, 0, 0, FolderLabels.FOLDERS, BadImages.STOP, true, 0);

  /** Without a short side: every image at its decoded size. */
  public DatasetOptions(
      boolean coarseLabels, int imageSize, int channels, FolderLabels labels, BadImages onBadImage, boolean keepDecoded) {
    this(coarseLabels, imageSize, channels, labels, onBadImage, keepDecoded, 0);
  }

  /** The largest side images are read at. */
  public static final int MAX_IMAGE_SIZE = 4096;

  public DatasetOptions {
    if (imageSize < 0) {
      throw new IllegalArgumentException("--image-size must be >= 0 (0 keeps the dataset's size), got " + imageSize + ".");
    }
    if (imageSize > MAX_IMAGE_SIZE) {
      throw new IllegalArgumentException("--image-size " + imageSize + " is more than aucl reads images at (" + MAX_IMAGE_SIZE + ").");
    }
    if (shortSide < 0 || shortSide > MAX_IMAGE_SIZE) {
      throw new IllegalArgumentException("--short-side must be between 0 (keep the decoded size) and " + MAX_IMAGE_SIZE + ", got " + shortSide + ".");
    }
    if (channels != 0 && channels != 1 && channels != 3) {
      throw new IllegalArgumentException("--channels must be 0 (from the images), 1 or 3, got " + channels + ".");
    }
    if (labels == null) {
      labels = FolderLabels.FOLDERS;
    }
    if (onBadImage == null) {
      onBadImage = BadImages.STOP;
    }
  }

  public DatasetOptions withCoarseLabels(boolean coarse) {
    return new DatasetOptions(coarse, imageSize, channels, labels, onBadImage, keepDecoded, shortSide);
  }

  public DatasetOptions withImageSize(int size) {
    return new DatasetOptions(coarseLabels, size, channels, labels, onBadImage, keepDecoded, shortSide);
  }

  public DatasetOptions withChannels(int c) {
    return new DatasetOptions(coarseLabels, imageSize, c, labels, onBadImage, keepDecoded, shortSide);
  }

  public DatasetOptions withLabels(FolderLabels l) {
    return new DatasetOptions(coarseLabels, imageSize, channels, l, onBadImage, keepDecoded, shortSide);
  }

  public DatasetOptions withOnBadImage(BadImages b) {
    return new DatasetOptions(coarseLabels, imageSize, channels, labels, b, keepDecoded, shortSide);
  }

  public DatasetOptions withShortSide(int side) {
    return new DatasetOptions(coarseLabels, imageSize, channels, labels, onBadImage, keepDecoded, side);
  }

  public DatasetOptions withKeepDecoded(boolean keep) {
    return new DatasetOptions(coarseLabels, imageSize, channels, labels, onBadImage, keep, shortSide);
  }
}
