package org.aucl.data;

import java.nio.file.Path;
import java.util.List;
import org.aucl.util.UserException;

/**
 * Reads the binary versions of CIFAR-10 and CIFAR-100 (https://www.cs.toronto.edu/~kriz/cifar.html).
 *
 * <p>A CIFAR-10 record is 1 label byte then 3072 pixel bytes (R plane, G plane, B plane, each 32x32 row-major,
 * already CHW); a CIFAR-100 record has 2 label bytes (coarse, then fine) before the pixels. Batches are
 * concatenated in the order given.
 */
public final class CifarReader {
  static final int SIDE = 32;
  static final int PIXELS = 3 * SIDE * SIDE;

  /** Which labels a batch holds and which one to use. */
  public enum Variant {
    CIFAR10("CIFAR-10 binary", 1, 0, 10),
    CIFAR100_FINE("CIFAR-100 binary (fine labels)", 2, 1, 100),
    CIFAR100_COARSE("CIFAR-100 binary (coarse labels)", 2, 0, 20);

    final String format;
    final int labelBytes;
    final int labelOffset;
    final int numClasses;

    Variant(String format, int labelBytes, int labelOffset, int numClasses) {
      this.format = format;
      this.labelBytes = labelBytes;
      this.labelOffset = labelOffset;
      this.numClasses = numClasses;
    }

    int recordBytes() {
      return labelBytes + PIXELS;
    }
  }

  private CifarReader() {}

  /** Reads and concatenates {@code batches}; {@code classNames} must have {@code variant.numClasses} entries. */
  public static PackedImageDataset read(String name, Variant variant, List<Path> batches, List<String> classNames) {
    if (classNames.size() != variant.numClasses) {
      throw new IllegalArgumentException(variant + " needs " + variant.numClasses + " class names, got " + classNames.size());
    }
    int record = variant.recordBytes();
    long total = 0;
    for (Path b : batches) {
      long size = DataFiles.size(b);
      if (size == 0 || size % record != 0) {
        throw new UserException(b + " is not a " + variant.format + " batch (truncated?): its size " + size
            + " is not a positive multiple of the " + record + "-byte record.");
      }
      total += size / record;
    }
    PackedImages pixels = new PackedImages(Math.toIntExact(total), PIXELS);
    byte[] labels = new byte[(int) total];
    int i = 0;
    for (Path b : batches) {
      byte[] data = DataFiles.readAll(b);
      for (int off = 0; off + record <= data.length; off += record, i++) {
        int label = data[off + variant.labelOffset] & 0xFF;
        if (label >= variant.numClasses) {
          throw new UserException(b + " has label " + label + " in record " + (off / record) + ", outside 0.."
              + (variant.numClasses - 1) + " of " + variant.format + ".");
        }
        labels[i] = (byte) label;
        pixels.put(i, data, off + variant.labelBytes);
      }
    }
    return new PackedImageDataset(name, variant.format, 3, SIDE, SIDE, pixels, labels, classNames);
  }
}
