package org.aucl.data;

/**
 * How to read a dataset where there is a choice.
 *
 * @param coarseLabels CIFAR-100: the 20 superclasses instead of the 100 fine classes
 * @param imageSize image folders: output height and width; 0 keeps the first image's size
 * @param channels image folders: 1 (grayscale), 3 (RGB), or 0: 1 when the images are stored grey, else 3
 * @param labels image folders: whether sub-folders are classes
 * @param onBadImage image folders: what a file that cannot be read does
 * @param keepDecoded image folders: keep decoded images in memory (up to 1 GiB) for the next read; off
 *     for a single pass over a corpus, which then runs in constant memory
 */
public record DatasetOptions(
    boolean coarseLabels, int imageSize, int channels, FolderLabels labels, BadImages onBadImage, boolean keepDecoded) {
  public static final DatasetOptions DEFAULTS =
      new DatasetOptions(false, 0, 0, FolderLabels.FOLDERS, BadImages.STOP, true);

  /** The largest side images are read at. */
  public static final int MAX_IMAGE_SIZE = 4096;

  public DatasetOptions {
    if (imageSize < 0) {
      throw new IllegalArgumentException("--image-size must be >= 0 (0 keeps the dataset's size), got " + imageSize + ".");
    }
    if (imageSize > MAX_IMAGE_SIZE) {
      throw new IllegalArgumentException("--image-size " + imageSize + " is more than aucl reads images at (" + MAX_IMAGE_SIZE + ").");
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
    return new DatasetOptions(coarse, imageSize, channels, labels, onBadImage, keepDecoded);
  }

  public DatasetOptions withImageSize(int size) {
    return new DatasetOptions(coarseLabels, size, channels, labels, onBadImage, keepDecoded);
  }

  public DatasetOptions withChannels(int c) {
    return new DatasetOptions(coarseLabels, imageSize, c, labels, onBadImage, keepDecoded);
  }

  public DatasetOptions withLabels(FolderLabels l) {
    return new DatasetOptions(coarseLabels, imageSize, channels, l, onBadImage, keepDecoded);
  }

  public DatasetOptions withOnBadImage(BadImages b) {
    return new DatasetOptions(coarseLabels, imageSize, channels, labels, b, keepDecoded);
  }

  public DatasetOptions withKeepDecoded(boolean keep) {
    return new DatasetOptions(coarseLabels, imageSize, channels, labels, onBadImage, keep);
  }
}
