package org.aucl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.aucl.util.UserException;

/**
 * Tells the format of a path by its content: a directory in one of the known layouts, an image folder
 * (optionally with train/test/val/unlabeled sub-folders as splits), an IDX images file (its labels file
 * found by name next to it), a CIFAR binary batch (by record size), or an STL-10 {@code *_X.bin} file.
 */
final class FormatDetector {
  private static final Set<String> SPLIT_FOLDERS = Set.of("train", "test", "val", "unlabeled");

  private FormatDetector() {}

  static DatasetSource detect(Path path, DatasetOptions options) {
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (Files.isDirectory(path)) {
      return directory(name, path, options);
    }
    if (Files.isRegularFile(path)) {
      return file(name, path, options);
    }
    throw new UserException("Dataset path " + path + " is neither a file nor a directory.");
  }

  private static DatasetSource directory(String name, Path dir, DatasetOptions options) {
    List<String> idxNames = dir.toString().toLowerCase(Locale.ROOT).contains("fashion")
        ? ClassNames.FASHION_MNIST : ClassNames.MNIST;
    Optional<DatasetSource> known = DatasetLayouts.idx(name, dir, idxNames)
        .or(() -> DatasetLayouts.cifar10(name, dir))
        .or(() -> DatasetLayouts.cifar100(name, dir, options.coarseLabels()))
        .or(() -> DatasetLayouts.stl10(name, dir));
    if (known.isPresent()) {
      return known.get();
    }
    List<Path> children = list(dir);
    List<String> splitDirs = children.stream().filter(Files::isDirectory).map(p -> p.getFileName().toString())
        .sorted().toList();
    if (!splitDirs.isEmpty() && SPLIT_FOLDERS.containsAll(splitDirs)) {
      return new DatasetSource(name, "image folder", dir.toString(), splitDirs,
          split -> new ImageFolderDataset(name + "/" + split, dir.resolve(split), options));
    }
    if (children.isEmpty()) {
      throw new UserException("Dataset folder " + dir + " is empty.");
    }
    return new DatasetSource(name, "image folder", dir.toString(), List.of(DatasetSource.ALL),
        split -> new ImageFolderDataset(name, dir, options));
  }

  private static DatasetSource file(String name, Path file, DatasetOptions options) {
    int magic = DataFiles.magic(file);
    String lower = name.toLowerCase(Locale.ROOT);
    if (magic == IdxReader.IMAGES_MAGIC) {
      Path labels = siblingLabels(file);
      List<String> names = file.toString().toLowerCase(Locale.ROOT).contains("fashion")
          ? ClassNames.FASHION_MNIST : ClassNames.MNIST;
      return single(name, "IDX", file, () -> IdxReader.read(name, file, labels, names));
    }
    if (magic == IdxReader.LABELS_MAGIC) {
      throw new UserException(file + " is an IDX labels file; give the images file (*-images-idx3-ubyte) instead.");
    }
    long size = DataFiles.size(file);
    if (lower.endsWith("_x.bin") && size > 0 && size % Stl10Reader.IMAGE_BYTES == 0) {
      Path labels = file.resolveSibling(name.substring(0, name.length() - "X.bin".length()) + "y.bin");
      List<String> names = ClassNames.fromFileOr(file.resolveSibling("class_names.txt"), ClassNames.STL10);
      return single(name, "STL-10 binary", file,
          () -> Stl10Reader.read(name, file, Files.isRegularFile(labels) ? labels : null, names));
    }
    if (lower.endsWith(".bin") && size > 0 && size % CifarReader.Variant.CIFAR10.recordBytes() == 0) {
      List<String> names = ClassNames.fromFileOr(file.resolveSibling("batches.meta.txt"), ClassNames.CIFAR10);
      return single(name, CifarReader.Variant.CIFAR10.format, file,
          () -> CifarReader.read(name, CifarReader.Variant.CIFAR10, List.of(file), names));
    }
    if (lower.endsWith(".bin") && size > 0 && size % CifarReader.Variant.CIFAR100_FINE.recordBytes() == 0) {
      boolean coarse = options.coarseLabels();
      CifarReader.Variant v = coarse ? CifarReader.Variant.CIFAR100_COARSE : CifarReader.Variant.CIFAR100_FINE;
      List<String> names = coarse
          ? ClassNames.fromFileOr(file.resolveSibling("coarse_label_names.txt"), ClassNames.CIFAR100_COARSE)
          : ClassNames.fromFileOr(file.resolveSibling("fine_label_names.txt"), ClassNames.CIFAR100_FINE);
      return single(name, v.format, file, () -> CifarReader.read(name, v, List.of(file), names));
    }
    throw new UserException(String.format("Cannot tell the format of %s: magic number 0x%08x is not IDX and its size %d"
        + " fits no CIFAR or STL-10 record size.", file, magic, size));
  }

  /** The labels file that goes with an IDX images file, by the official naming, or null. */
  static Path siblingLabels(Path images) {
    String n = images.getFileName().toString();
    if (!n.contains("images-idx3")) {
      return null;
    }
    String base = n.replace("images-idx3", "labels-idx1");
    for (String candidate : List.of(base, base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base + ".gz")) {
      Path p = images.resolveSibling(candidate);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static DatasetSource single(String name, String format, Path file,
      java.util.function.Supplier<ImageDataset> reader) {
    return new DatasetSource(name, format, file.toString(), List.of(DatasetSource.ALL), split -> reader.get());
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    } catch (IOException e) {
      throw new UserException("Cannot list dataset folder " + dir + ": " + e.getMessage() + ".", e);
    }
  }
}
