package org.aucl.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.aucl.util.UserException;

/**
 * Reads the binary version of STL-10 (https://cs.stanford.edu/~acoates/stl10/): {@code *_X.bin} holds
 * 3x96x96 unsigned bytes per image, each channel plane stored column-major (Matlab order), so pixel
 * (c, y, x) is at byte c*96*96 + x*96 + y; {@code *_y.bin} holds one label byte per image in 1..10.
 * Images are transposed to CHW row-major once, while loading.
 */
public final class Stl10Reader {
  static final int SIDE = 96;
  static final int PLANE = SIDE * SIDE;
  static final int IMAGE_BYTES = 3 * PLANE;

  private Stl10Reader() {}

  /** @param labelsFile null for the unlabeled split */
  public static PackedImageDataset read(String name, Path imagesFile, Path labelsFile, List<String> classNames) {
    long size = DataFiles.size(imagesFile);
    if (size == 0 || size % IMAGE_BYTES != 0) {
      throw new UserException(imagesFile + " is not an STL-10 images file (truncated?): its size " + size
          + " is not a positive multiple of " + IMAGE_BYTES + " bytes (3x96x96).");
    }
    int n = Math.toIntExact(size / IMAGE_BYTES);
    byte[] labels = null;
    if (labelsFile != null) {
      byte[] raw = DataFiles.readAll(labelsFile);
      if (raw.length != n) {
        throw new UserException(labelsFile + " holds " + raw.length + " labels but " + imagesFile + " holds " + n
            + " images.");
      }
      labels = new byte[n];
      for (int i = 0; i < n; i++) {
        int l = raw[i] & 0xFF;
        if (l < 1 || l > classNames.size()) {
          throw new UserException(labelsFile + " has label " + l + " at position " + i + ", outside 1.."
              + classNames.size() + ".");
        }
        labels[i] = (byte) (l - 1);
      }
    }
    PackedImages pixels = new PackedImages(n, IMAGE_BYTES);
    byte[] src = new byte[IMAGE_BYTES];
    byte[] chw = new byte[IMAGE_BYTES];
    try (InputStream in = DataFiles.open(imagesFile)) {
      for (int i = 0; i < n; i++) {
        DataFiles.readFully(in, src, imagesFile);
        transpose(src, chw);
        pixels.put(i, chw, 0);
      }
    } catch (IOException e) {
      throw DataFiles.cannotRead(imagesFile, e);
    }
    return new PackedImageDataset(name, "STL-10 binary", 3, SIDE, SIDE, pixels, labels,
        labels == null ? List.of() : classNames);
  }

  /** Column-major planes (c, x, y) to row-major planes (c, y, x). */
  static void transpose(byte[] src, byte[] dst) {
    for (int c = 0; c < 3; c++) {
      int base = c * PLANE;
      for (int x = 0; x < SIDE; x++) {
        int col = base + x * SIDE;
        for (int y = 0; y < SIDE; y++) {
          dst[base + y * SIDE + x] = src[col + y];
        }
      }
    }
  }
}
