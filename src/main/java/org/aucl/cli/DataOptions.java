package org.aucl.cli;

import java.util.ArrayList;
import java.util.List;
import org.aucl.spec.DataSpec;
import org.aucl.spec.RunSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where {@code pretrain}'s images come from and how they are read and viewed; each option is null unless given. */
public final class DataOptions {
  @Option(names = "--dataset", paramLabel = "NAME|PATH",
      description = "Dataset name (fashion-mnist, mnist, cifar10, cifar100, stl10, synthetic:...) or path (default: "
          + RunSpec.DEFAULT_DATASET + ").")
  String dataset;

  @Mixin DatasetReadOptions read;

  @Option(names = "--subset", paramLabel = "N", description = "Train on a class-balanced subset of N images (default 0: all).")
  Integer subset;

  @Option(names = "--validation", paramLabel = "N",
      description = "Hold N images of the training split out of training, class-balanced and the same for every run "
          + "(default 0: none); --monitor-split val classifies them, so that settings are chosen without the test split.")
  Integer validation;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "Augmentation preset: fashion-mnist, cifar, imagenet (default: chosen from the dataset: fashion-mnist "
          + "for grey images, imagenet above 64 pixels, else cifar).")
  String preset;

  @Option(names = "--workers", paramLabel = "N", description = "Loader threads (default: " + DataSpec.DEFAULT_WORKERS + ").")
  Integer workers;

  @Mixin AugmentOptions augment;

  String dataset() {
    return dataset != null ? dataset : RunSpec.DEFAULT_DATASET;
  }

  /** The data as given, without the preset (a recipe may set that; {@link #applyTo} sets the given one). */
  DataSpec spec() {
    DataSpec.Builder d = DataSpec.builder().setDataset(dataset()).optDataDir(read.dataDir())
        .optCoarseLabels(read.coarse()).optChannels(read.channels()).optShortSide(read.shortSide());
    if (read.labels() != null) {
      d.optLabels(read.labels());
    }
    if (read.onBadImage() != null) {
      d.optOnBadImage(read.onBadImage());
    }
    if (subset != null) {
      d.optSubset(subset);
    }
    if (validation != null) {
      d.optValidation(validation);
    }
    if (workers != null) {
      d.optWorkers(workers);
    }
    return UserInput.check(d::build);
  }

  /** The given preset, image size and augmentation changes. */
  void applyTo(RunSpec.Builder b) {
    if (preset != null) {
      b.setData(b.data().toBuilder().optPreset(preset).build());
    }
    if (read.imageSize != null) {
      b.optImageSize(read.imageSize);
    }
    if (read.shortSide != null) {
      b.setData(b.data().toBuilder().optShortSide(read.shortSide).build()); // given: wins over a recipe's
    }
    augment.applyTo(b);
  }

  List<String> given() {
    List<String> g = new ArrayList<>();
    if (dataset != null) g.add("--dataset");
    if (subset != null) g.add("--subset");
    if (validation != null) g.add("--validation");
    if (preset != null) g.add("--preset");
    if (workers != null) g.add("--workers");
    return g;
  }
}
