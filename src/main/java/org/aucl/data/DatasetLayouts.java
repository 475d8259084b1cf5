package org.aucl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aucl.util.UserException;

/**
 * The on-disk layouts of the known datasets: given a directory, finds the files of each split.
 *
 * <ul>
 *   <li>IDX (mnist, fashion-mnist): {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]},
 *       {@code t10k-...} in the directory itself (the official names and Debian's layout), or in
 *       {@code raw/}, {@code MNIST/raw/}, {@code FashionMNIST/raw/} (torchvision's layout).
 *   <li>cifar10: {@code cifar-10-batches-bin/data_batch_1..5.bin}, {@code test_batch.bin}, {@code batches.meta.txt}
 *       (or those files directly in the directory).
 *   <li>cifar100: {@code cifar-100-binary/train.bin}, {@code test.bin}, {@code fine_label_names.txt},
 *       {@code coarse_label_names.txt}.
 *   <li>stl10: {@code stl10_binary/train_X.bin}, {@code train_y.bin}, {@code test_X.bin}, {@code test_y.bin},
 *       {@code unlabeled_X.bin}, {@code class_names.txt}.
 * </ul>
 */
final class DatasetLayouts {
  private DatasetLayouts() {}

  /** The IDX layout in {@code dir} (or a torchvision sub-folder of it), if any. */
  static Optional<DatasetSource> idx(String name, Path dir, List<String> classNames) {
    for (Path d : List.of(dir, dir.resolve("raw"), dir.resolve("MNIST").resolve("raw"),
        dir.resolve("FashionMNIST").resolve("raw"))) {
      Optional<Path> trainImages = idxFile(d, "train-images-idx3-ubyte");
      Optional<Path> testImages = idxFile(d, "t10k-images-idx3-ubyte");
      if (trainImages.isEmpty() && testImages.isEmpty()) {
        continue;
      }
      List<String> splits = new ArrayList<>();
      trainImages.ifPresent(p -> splits.add("train"));
      testImages.ifPresent(p -> splits.add("test"));
      return Optional.of(new DatasetSource(name, "IDX", d.toString(), splits, split -> {
        String prefix = split.equals("train") ? "train" : "t10k";
        Path images = idxFile(d, prefix + "-images-idx3-ubyte").orElseThrow();
        Path labels = idxFile(d, prefix + "-labels-idx1-ubyte").orElseThrow(() -> new UserException(
            "The labels file " + d.resolve(prefix + "-labels-idx1-ubyte.gz") + " is missing next to " + images + "."));
        return IdxReader.read(name + "/" + split, images, labels, classNames);
      }));
    }
    return Optional.empty();
  }

  static Optional<DatasetSource> cifar10(String name, Path dir) {
    Path d = firstWith(List.of(dir.resolve("cifar-10-batches-bin"), dir), "data_batch_1.bin", "test_batch.bin");
    if (d == null) {
      return Optional.empty();
    }
    List<String> names = ClassNames.fromFileOr(d.resolve("batches.meta.txt"), ClassNames.CIFAR10);
    return Optional.of(new DatasetSource(name, CifarReader.Variant.CIFAR10.format, d.toString(),
        presentSplits(d, "data_batch_1.bin", "test_batch.bin", null), split -> {
          List<Path> batches = new ArrayList<>();
          if (split.equals("train")) {
            for (int b = 1; b <= 5; b++) {
              batches.add(d.resolve("data_batch_" + b + ".bin"));
            }
          } else {
            batches.add(d.resolve("test_batch.bin"));
          }
          return CifarReader.read(name + "/" + split, CifarReader.Variant.CIFAR10, batches, names);
        }));
  }

  static Optional<DatasetSource> cifar100(String name, Path dir, boolean coarse) {
    Path d = firstWith(List.of(dir.resolve("cifar-100-binary"), dir), "train.bin", "test.bin");
    if (d == null) {
      return Optional.empty();
    }
    CifarReader.Variant variant = coarse ? CifarReader.Variant.CIFAR100_COARSE : CifarReader.Variant.CIFAR100_FINE;
    List<String> names = coarse
        ? ClassNames.fromFileOr(d.resolve("coarse_label_names.txt"), ClassNames.CIFAR100_COARSE)
        : ClassNames.fromFileOr(d.resolve("fine_label_names.txt"), ClassNames.CIFAR100_FINE);
    return Optional.of(new DatasetSource(name, variant.format, d.toString(),
        presentSplits(d, "train.bin", "test.bin", null),
        split -> CifarReader.read(name + "/" + split, variant, List.of(d.resolve(split + ".bin")), names)));
  }

  static Optional<DatasetSource> stl10(String name, Path dir) {
    Path d = firstWith(List.of(dir.resolve("stl10_binary"), dir), "train_X.bin", "test_X.bin", "unlabeled_X.bin");
    if (d == null) {
      return Optional.empty();
    }
    List<String> names = ClassNames.fromFileOr(d.resolve("class_names.txt"), ClassNames.STL10);
    return Optional.of(new DatasetSource(name, "STL-10 binary", d.toString(),
        presentSplits(d, "train_X.bin", "test_X.bin", "unlabeled_X.bin"), split -> {
          Path labels = split.equals("unlabeled") ? null : d.resolve(split + "_y.bin");
          return Stl10Reader.read(name + "/" + split, d.resolve(split + "_X.bin"), labels, names);
        }));
  }

  /** {@code base} or {@code base.gz} in {@code dir}, whichever exists (raw first). */
  static Optional<Path> idxFile(Path dir, String base) {
    for (Path p : List.of(dir.resolve(base), dir.resolve(base + ".gz"))) {
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Path firstWith(List<Path> dirs, String... anyOf) {
    for (Path d : dirs) {
      for (String f : anyOf) {
        if (Files.isRegularFile(d.resolve(f))) {
          return d;
        }
      }
    }
    return null;
  }

  private static List<String> presentSplits(Path d, String train, String test, String unlabeled) {
    List<String> splits = new ArrayList<>();
    if (Files.isRegularFile(d.resolve(train))) {
      splits.add("train");
    }
    if (Files.isRegularFile(d.resolve(test))) {
      splits.add("test");
    }
    if (unlabeled != null && Files.isRegularFile(d.resolve(unlabeled))) {
      splits.add("unlabeled");
    }
    return splits;
  }
}
