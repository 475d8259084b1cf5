package org.aucl.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writers for small dataset files in every supported format; pixel values follow {@link #pixel}. */
public final class TestFiles {
  private TestFiles() {}

  /** The byte stored for image i at flat CHW position k (before any on-disk reordering). */
  static int pixel(int i, int k) {
    return (i * 31 + k * 7) & 0xFF;
  }

  static byte[] idxImages(int n, int h, int w) {
    ByteBuffer b = ByteBuffer.allocate(16 + n * h * w);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(n).putInt(h).putInt(w);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < h * w; k++) {
        b.put((byte) pixel(i, k));
      }
    }
    return b.array();
  }

  static byte[] idxLabels(int n, int numClasses) {
    ByteBuffer b = ByteBuffer.allocate(8 + n);
    b.putInt(IdxReader.LABELS_MAGIC).putInt(n);
    for (int i = 0; i < n; i++) {
      b.put((byte) (i % numClasses));
    }
    return b.array();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(raw);
    }
    return bos.toByteArray();
  }

  /** Writes train/t10k IDX files (gzipped when {@code gz}) of n images each into {@code dir}. */
  public static void writeIdxSet(Path dir, int n, boolean gz) throws IOException {
    Files.createDirectories(dir);
    String ext = gz ? ".gz" : "";
    for (String prefix : new String[] {"train", "t10k"}) {
      byte[] img = idxImages(n, 28, 28);
      byte[] lab = idxLabels(n, 10);
      Files.write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), gz ? gzip(img) : img);
      Files.write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), gz ? gzip(lab) : lab);
    }
  }

  /** A CIFAR batch of n records: labelBytes label bytes (label i mod classes, coarse = fine mod 20), 3072 pixels. */
  static byte[] cifarBatch(int n, int labelBytes, int first) {
    ByteBuffer b = ByteBuffer.allocate(n * (labelBytes + 3072));
    for (int r = 0; r < n; r++) {
      int i = first + r;
      if (labelBytes == 1) {
        b.put((byte) (i % 10));
      } else {
        b.put((byte) ((i * 3) % 20));
        b.put((byte) ((i * 7) % 100));
      }
      for (int k = 0; k < 3072; k++) {
        b.put((byte) pixel(i, k));
      }
    }
    return b.array();
  }

  /** STL-10 images file: image i has CHW pixel(i, k), stored column-major per channel as STL-10 does. */
  static byte[] stlImages(int n) {
    int side = 96;
    int plane = side * side;
    byte[] out = new byte[n * 3 * plane];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            out[i * 3 * plane + c * plane + x * side + y] = (byte) pixel(i, c * plane + y * side + x);
          }
        }
      }
    }
    return out;
  }

  /** STL-10 labels: 1-based, label of image i is (i mod 10) + 1. */
  static byte[] stlLabels(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (i % 10 + 1);
    }
    return out;
  }
}
