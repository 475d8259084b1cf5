package org.aucl.data;

import java.nio.file.Path;

/** Placeholder API (the data branch implements it): resolves a dataset name or path to a split. */
public final class Datasets {
  private Datasets() {}

  /** {@code --data-dir} default: $AUCL_DATA, else ~/.aucl/data. */
  public static Path defaultDataDir() {
    String env = System.getenv("AUCL_DATA");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".aucl", "data");
  }

  /**
   * Opens split {@code split} ("train", "test" or "unlabeled") of a named dataset (fashion-mnist, mnist,
   * cifar10, cifar100, stl10) looked up in {@code dataDir} then /usr/share/datasets/NAME, or of a path
   * (format detected). Throws UserException with one clear sentence on any problem.
   */
  public static ImageDataset open(String nameOrPath, String split, Path dataDir) {
    throw new UnsupportedOperationException("Datasets.open is not implemented yet");
  }
}
