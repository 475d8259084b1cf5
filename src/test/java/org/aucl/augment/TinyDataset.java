package org.aucl.augment;

import java.util.List;
import java.util.SplittableRandom;
import org.aucl.data.ImageDataset;

/** A small in-memory dataset for tests: image i is random values seeded by i; label i % 3. */
final class TinyDataset implements ImageDataset {
  private final int size;
  private final int channels;
  private final int height;
  private final int width;
  private final float[][] images;

  TinyDataset(int size, int channels, int height, int width) {
    this.size = size;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.images = new float[size][channels * height * width];
    for (int i = 0; i < size; i++) {
      SplittableRandom r = new SplittableRandom(1000 + i);
      for (int k = 0; k < images[i].length; k++) {
        images[i][k] = r.nextFloat();
      }
    }
  }

  @Override
  public String name() {
    return "tiny";
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public void image(int i, float[] dst) {
    System.arraycopy(images[i], 0, dst, 0, images[i].length);
  }

  @Override
  public int label(int i) {
    return i % 3;
  }

  @Override
  public List<String> classNames() {
    return List.of("a", "b", "c");
  }
}
