package org.aucl.cli;

import org.aucl.data.BadImages;
import org.aucl.data.DatasetOptions;
import org.aucl.data.FolderLabels;
import picocli.CommandLine.Option;

/** How image folders are read, for every command that opens one: their labels and their unreadable files. */
public final class FolderReadOptions {
  @Option(names = "--labels", paramLabel = "HOW",
      description = "Image folders with sub-folders: folders (one sub-folder per class, the default) or none (every image "
          + "at any depth, unlabeled: sub-folders by date or source are not classes).")
  String labels;

  @Option(names = "--on-bad-image", paramLabel = "WHAT",
      description = "Image folders: a file that cannot be read stops before any work (stop, the default, naming it) "
          + "or is left out and listed (skip).")
  String onBadImage;

  /** {@code --labels}, or null when not given. */
  FolderLabels labels() {
    return labels == null ? null : UserInput.check(() -> FolderLabels.parse(labels));
  }

  /** {@code --on-bad-image}, or null when not given. */
  BadImages onBadImage() {
    return onBadImage == null ? null : UserInput.check(() -> BadImages.parse(onBadImage));
  }

  /** {@code read} with the options given applied. */
  DatasetOptions applyTo(DatasetOptions read) {
    DatasetOptions r = labels() != null ? read.withLabels(labels()) : read;
    return onBadImage() != null ? r.withOnBadImage(onBadImage()) : r;
  }
}
