package org.aucl.data;

import java.nio.file.Path;
import java.util.List;
import org.aucl.util.UserException;

/**
 * Reads IDX files (MNIST, Fashion-MNIST), gzipped or raw: an images file (magic 0x00000803, unsigned
 * bytes N x H x W) and an optional labels file (magic 0x00000801, N unsigned bytes). The images come out
 * as 1 x H x W; the whole file is loaded once.
 */
public final class IdxReader {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  private IdxReader() {}

  /**
   * @param labelsFile null for an unlabeled set
   * @param classNames names for labels 0..K-1 (ignored when unlabeled); labels must lie below K
   */
  public static PackedImageDataset read(String name, Path imagesFile, Path labelsFile, List<String> classNames) {
    byte[] img = DataFiles.readAll(imagesFile);
    if (img.length < 16) {
      throw new UserException(imagesFile + " is truncated: " + img.length + " bytes is shorter than an IDX images header.");
    }
    int magic = readInt(img, 0);
    if (magic != IMAGES_MAGIC) {
      throw new UserException(String.format(
          "%s has magic number 0x%08x, not 0x%08x of an IDX images file.", imagesFile, magic, IMAGES_MAGIC));
    }
    int n = readInt(img, 4);
    int h = readInt(img, 8);
    int w = readInt(img, 12);
    if (n < 0 || h <= 0 || w <= 0) {
      throw new UserException(imagesFile + " has an impossible IDX header (" + n + " images of " + h + "x" + w + ").");
    }
    long expected = 16L + (long) n * h * w;
    if (img.length < expected) {
      throw new UserException(imagesFile + " is truncated: its header announces " + n + " images of " + h + "x" + w
          + " (" + expected + " bytes) but it holds " + img.length + " bytes.");
    }
    PackedImages pixels = new PackedImages(n, h * w);
    for (int i = 0; i < n; i++) {
      pixels.put(i, img, 16 + i * h * w);
    }
    if (labelsFile == null) {
      return new PackedImageDataset(name, "IDX", 1, h, w, pixels, null, List.of());
    }
    byte[] labels = readLabels(labelsFile, classNames.size());
    if (labels.length != n) {
      throw new UserException(labelsFile + " holds " + labels.length + " labels but " + imagesFile + " holds " + n
          + " images.");
    }
    return new PackedImageDataset(name, "IDX", 1, h, w, pixels, labels, classNames);
  }

  static byte[] readLabels(Path labelsFile, int numClasses) {
    byte[] lab = DataFiles.readAll(labelsFile);
    if (lab.length < 8) {
      throw new UserException(labelsFile + " is truncated: " + lab.length + " bytes is shorter than an IDX labels header.");
    }
    int magic = readInt(lab, 0);
    if (magic != LABELS_MAGIC) {
      throw new UserException(String.format(
          "%s has magic number 0x%08x, not 0x%08x of an IDX labels file.", labelsFile, magic, LABELS_MAGIC));
    }
    int n = readInt(lab, 4);
    if (n < 0 || lab.length < 8L + n) {
      throw new UserException(labelsFile + " is truncated: its header announces " + n + " labels but it holds "
          + Math.max(0, lab.length - 8) + ".");
    }
    byte[] labels = new byte[n];
    System.arraycopy(lab, 8, labels, 0, n);
    for (int i = 0; i < n; i++) {
      if ((labels[i] & 0xFF) >= numClasses) {
        throw new UserException(labelsFile + " has label " + (labels[i] & 0xFF) + " at position " + i
            + ", outside 0.." + (numClasses - 1) + ".");
      }
    }
    return labels;
  }

  static int readInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
  }
}
