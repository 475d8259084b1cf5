package org.aucl.data;

/** Placeholder API (the data branch implements it): deterministic class-balanced subsets. */
public final class Subsets {
  private Subsets() {}

  /** A deterministic class-balanced subset of {@code n} images (plain random subset if unlabeled). */
  public static ImageDataset balanced(ImageDataset source, int n, long seed) {
    throw new UnsupportedOperationException("Subsets.balanced is not implemented yet");
  }
}
