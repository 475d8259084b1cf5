package org.aucl.cli;

import java.nio.file.Path;
import org.aucl.data.BadImages;
import org.aucl.data.DatasetOptions;
import org.aucl.data.FolderLabels;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a dataset is found and read, shared by every command that opens one (mix in with
 * {@code @Mixin DatasetReadOptions read;}). {@code --image-size} is the side at which views are made;
 * image folders keep their images' shapes, downscaled at decode only to {@code --short-side}. Each option
 * is null unless given.
 */
public final class DatasetReadOptions {
  @Mixin DataDirOption dataDir;

  @Option(names = "--coarse", description = "CIFAR-100: the 20 coarse labels instead of the 100 fine ones.")
  Boolean coarse;

  @Option(names = "--image-size", paramLabel = "N",
      description = "Make views and evaluation images N x N (default: the dataset's own size; for a folder of "
          + "photos of several shapes, its first image's short side).")
  Integer imageSize;

  @Option(names = "--short-side", paramLabel = "N",
      description = "Image folders: downscale each image once, at decode, so that its short side is N (aspect ratio "
          + "kept; default 0: the decoded size). Less memory, faster crops.")
  Integer shortSide;

  @Option(names = "--channels", paramLabel = "C",
      description = "Image folders: 1 (grey), 3 (RGB) or 0 (default: 1 when the images are stored grey, else 3).")
  Integer channels;

  @Mixin FolderReadOptions folders;

  /** {@code --data-dir}, or its default. */
  public Path dataDir() {
    return dataDir.orDefault();
  }

  /** {@code --image-size}, or 0 (the dataset's). */
  int imageSize() {
    return imageSize == null ? 0 : imageSize;
  }

  /** {@code --short-side}, or 0 (each image's decoded size). */
  int shortSide() {
    return shortSide == null ? 0 : shortSide;
  }

  boolean coarse() {
    return coarse != null && coarse;
  }

  int channels() {
    return channels == null ? 0 : channels;
  }

  FolderLabels labels() {
    return folders.labels();
  }

  BadImages onBadImage() {
    return folders.onBadImage();
  }

  /** The reading options these flags describe. */
  public DatasetOptions options() {
    return UserInput.check(() -> new DatasetOptions(coarse(), imageSize(), channels(), labels(), onBadImage(), true, shortSide()));
  }
}
