package org.aucl.cli;

import java.nio.file.Path;
import org.aucl.data.DatasetOptions;
import org.aucl.data.Datasets;
import picocli.CommandLine.Option;

/**
 * How a dataset is found and read, shared by every command that opens one (mix in with
 * {@code @Mixin DatasetReadOptions read;}). {@code --image-size} is the side at which images are used:
 * image folders are decoded at that size and views are made at that size.
 */
public final class DatasetReadOptions {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where named datasets live (default: $AUCL_DATA, else ~/.aucl/data; then /usr/share/datasets).")
  Path dataDir;

  @Option(names = "--coarse", description = "CIFAR-100: the 20 coarse labels instead of the 100 fine ones.")
  boolean coarse;

  @Option(names = "--image-size", paramLabel = "N",
      description = "Use images at N x N: image folders are decoded at this size and views made at it "
          + "(default 0: the dataset's own size; for a folder, its first image's).")
  int imageSize;

  @Option(names = "--channels", paramLabel = "C",
      description = "Image folders: 1 (grey), 3 (RGB) or 0 (default: 1 when the images are stored grey, else 3).")
  int channels;

  /** {@code --data-dir}, or its default. */
  public Path dataDir() {
    return dataDir != null ? dataDir : Datasets.defaultDataDir();
  }

  /** The reading options these flags describe. */
  public DatasetOptions options() {
    try {
      return new DatasetOptions(coarse, imageSize, channels);
    } catch (IllegalArgumentException e) {
      throw new org.aucl.util.UserException(e.getMessage(), e);
    }
  }
}
