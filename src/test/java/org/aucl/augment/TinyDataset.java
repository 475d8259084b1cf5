package org.aucl.augment;

import java.util.List;
import java.util.SplittableRandom;
import org.aucl.data.ImageDataset;
import org.aucl.data.PackedImageDataset;

/** Small in-memory datasets for tests: image i is random bytes seeded by i; label i % 3. */
final class TinyDataset {
  private TinyDataset() {}

  static ImageDataset of(int size, int channels, int height, int width) {
    int imageBytes = channels * height * width;
    byte[] pixels = new byte[size * imageBytes];
    byte[] labels = new byte[size];
    for (int i = 0; i < size; i++) {
      SplittableRandom r = new SplittableRandom(1000 + i);
      for (int k = 0; k < imageBytes; k++) {
        pixels[i * imageBytes + k] = (byte) r.nextInt(256);
      }
      labels[i] = (byte) (i % 3);
    }
    return PackedImageDataset.of("tiny", "test", channels, height, width, pixels, labels, List.of("a", "b", "c"));
  }
}
