package org.aucl.spec;

import java.nio.file.Path;
import org.aucl.data.BadImages;
import org.aucl.data.DatasetOptions;
import org.aucl.data.FolderLabels;
import org.aucl.eval.ValidationHoldout;
import org.aucl.data.Datasets;

/**
 * Where a run's images come from and how they are read.
 *
 * @param dataset a dataset name (fashion-mnist, cifar10, ...), alias or path
 * @param dataDir where named datasets live
 * @param subset 0 for the whole training split, else a class-balanced subset of that many images
 * @param preset the augmentation preset the views start from (null until a run resolves it from the
 *     dataset: fashion-mnist for grey images, imagenet above 64 pixels, else cifar)
 * @param workers loader threads (1 by default: PyTorch's threads want every core)
 * @param coarseLabels CIFAR-100: the 20 superclasses
 * @param channels image folders: 1, 3, or 0 (1 when the images are stored grey, else 3)
 * @param labels image folders: whether sub-folders are classes (null in runs made before: folders)
 * @param onBadImage image folders: refuse or leave out files that cannot be read (null before: stop)
 * @param validation 0, or how many images of the training split are held out of training, class-balanced
 *     and the same for every run and seed ({@link ValidationHoldout}), for the kNN monitor to classify
 *     ({@code --monitor-split val}) and selection to read: the test split stays unseen
 * @param shortSide image folders: 0 keeps each image at its decoded size (0 in runs made before); N
 *     downscales each once, at decode, to short side N, aspect ratio kept ({@link DatasetOptions#shortSide})
 */
public record DataSpec(
    String dataset, String dataDir, int subset, String preset, int workers, boolean coarseLabels, int channels,
    FolderLabels labels, BadImages onBadImage, int validation, int shortSide) {

  /** One loader thread: it makes ~90k views/s, far more than training takes (docs/MODELS.md). */
  public static final int DEFAULT_WORKERS = 1;
  /** More loader threads than this only take memory. */
  public static final int MAX_WORKERS = 256;

  public DataSpec {
    if (dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException("A run needs a dataset.");
    }
    if (subset < 0) {
      throw new IllegalArgumentException("--subset must be >= 0 (0 = the whole split), got " + subset + ".");
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException("--workers must be between 1 and " + MAX_WORKERS + ", got " + workers + ".");
    }
    if (channels != 0 && channels != 1 && channels != 3) {
      throw new IllegalArgumentException("--channels must be 0, 1 or 3, got " + channels + ".");
    }
    if (validation < 0) {
      throw new IllegalArgumentException("--validation must be >= 0 (0 = none held out), got " + validation + ".");
    }
    if (shortSide < 0 || shortSide > DatasetOptions.MAX_IMAGE_SIZE) {
      throw new IllegalArgumentException(
          "--short-side must be between 0 (keep the decoded size) and " + DatasetOptions.MAX_IMAGE_SIZE + ", got " + shortSide + ".");
    }
    labels = labels == null ? FolderLabels.FOLDERS : labels;
    onBadImage = onBadImage == null ? BadImages.STOP : onBadImage;
  }

  /** A builder for {@code dataset}. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().setDataset(dataset).optDataDir(Path.of(dataDir)).optSubset(subset).optPreset(preset)
        .optWorkers(workers).optCoarseLabels(coarseLabels).optChannels(channels).optLabels(labels)
        .optOnBadImage(onBadImage).optValidation(validation).optShortSide(shortSide);
  }

  /** This spec with the augmentation preset resolved. */
  public DataSpec withPreset(String p) {
    return new DataSpec(dataset, dataDir, subset, p, workers, coarseLabels, channels, labels, onBadImage, validation, shortSide);
  }

  /** How to read the dataset for a network that takes {@code imageSize} x {@code imageSize} images. */
  public DatasetOptions readOptions(int imageSize) {
    return new DatasetOptions(coarseLabels, imageSize, channels, labels, onBadImage, true, shortSide);
  }

  /** Builds {@link DataSpec}: the dataset is required. */
  public static final class Builder {
    private String dataset;
    private Path dataDir = Datasets.defaultDataDir();
    private int subset;
    private String preset;
    private int workers = DEFAULT_WORKERS;
    private boolean coarseLabels;
    private int channels;
    private FolderLabels labels = FolderLabels.FOLDERS;
    private BadImages onBadImage = BadImages.STOP;
    private int validation;
    private int shortSide;

    private Builder() {}

    public Builder setDataset(String name) {
      this.dataset = name;
      return this;
    }

    public Builder optDataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    public Builder optSubset(int n) {
      this.subset = n;
      return this;
    }

    /** The augmentation preset; null (the default) chooses it from the dataset. */
    public Builder optPreset(String name) {
      this.preset = name;
      return this;
    }

    public Builder optWorkers(int n) {
      this.workers = n;
      return this;
    }

    public Builder optCoarseLabels(boolean coarse) {
      this.coarseLabels = coarse;
      return this;
    }

    public Builder optChannels(int c) {
      this.channels = c;
      return this;
    }

    /** Image folders: whether sub-folders are classes ({@link FolderLabels#FOLDERS}, the default) or not. */
    public Builder optLabels(FolderLabels l) {
      this.labels = l;
      return this;
    }

    /** Image folders: a file that cannot be read stops the run ({@link BadImages#STOP}, the default) or is left out. */
    public Builder optOnBadImage(BadImages b) {
      this.onBadImage = b;
      return this;
    }

    /** Images held out of the training split for validation (0, the default: none). */
    public Builder optValidation(int n) {
      this.validation = n;
      return this;
    }

    /** Image folders: downscale each image once to this short side (0, the default: keep the decoded size). */
    public Builder optShortSide(int side) {
      this.shortSide = side;
      return this;
    }

    public DataSpec build() {
      return new DataSpec(dataset, dataDir.toString(), subset, preset, workers, coarseLabels, channels, labels, onBadImage,
          validation, shortSide);
    }
  }
}
