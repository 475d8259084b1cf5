package org.aucl.data;

import java.util.List;

/** A view of chosen images of another dataset, in the order of {@code indices}. */
public final class SubsetDataset implements ImageDataset {
  private final ImageDataset source;
  private final int[] indices;
  private final String name;

  public SubsetDataset(ImageDataset source, int[] indices, String name) {
    for (int i : indices) {
      if (i < 0 || i >= source.size()) {
        throw new IllegalArgumentException("subset index " + i + " outside 0.." + (source.size() - 1));
      }
    }
    this.source = source;
    this.indices = indices.clone();
    this.name = name;
  }

  /** The index in the source dataset of image {@code i} of this subset. */
  public int sourceIndex(int i) {
    return indices[i];
  }

  public ImageDataset source() {
    return source;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int channels() {
    return source.channels();
  }

  @Override
  public int height() {
    return source.height();
  }

  @Override
  public int width() {
    return source.width();
  }

  @Override
  public boolean shapesVary() {
    return source.shapesVary();
  }

  @Override
  public int height(int i) {
    return source.height(indices[i]);
  }

  @Override
  public int width(int i) {
    return source.width(indices[i]);
  }

  @Override
  public void image(int i, float[] dst) {
    source.image(indices[i], dst);
  }

  @Override
  public int label(int i) {
    return source.label(indices[i]);
  }

  @Override
  public List<String> classNames() {
    return source.classNames();
  }

  @Override
  public String id(int i) {
    return source.id(indices[i]);
  }

  @Override
  public List<SkippedImage> skipped() {
    return source.skipped();
  }
}
