package org.aucl.data;

import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether a folder's images are grey from their headers (no pixels decoded), so that a folder
 * of grey PNGs is read with one channel. Up to {@link #SAMPLE} files spread evenly over the sorted list
 * are looked at: a folder with a rare colour image among thousands of grey ones is read as grey.
 */
final class GreyImages {
  /** Files whose headers are read at most. */
  static final int SAMPLE = 1000;

  private GreyImages() {}

  /** True when every sampled file declares a grey colour space (an unreadable header counts as colour). */
  static boolean all(List<Path> files) {
    int n = files.size();
    int look = Math.min(n, SAMPLE);
    for (int k = 0; k < look; k++) {
      if (!isGrey(files.get((int) ((long) k * n / look)))) {
        return false;
      }
    }
    return look > 0;
  }

  static boolean isGrey(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        return false;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return false;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (!types.hasNext()) {
          return false;
        }
        ColorModel cm = types.next().getColorModel();
        return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
