package org.aucl.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aucl.util.UserException;

/**
 * Resolves a dataset name or path to a split.
 *
 * <p>A name ({@code fashion-mnist}, {@code mnist}, {@code cifar10}, {@code cifar100}, {@code cifar100-coarse},
 * {@code stl10}) is looked up in {@code dataDir/NAME}, then in Debian's {@code /usr/share/datasets/NAME};
 * {@code synthetic[:key=value,...]} is the generator (see {@link SyntheticSpec}). Anything else is a path
 * whose format is detected by content ({@link FormatDetector}).
 */
public final class Datasets {
  /** Where Debian's dataset packages (e.g. dataset-fashion-mnist) put their files. */
  public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets");

  /** The names {@link #open} knows, as the user types them. */
  public static final List<String> NAMES = List.of("fashion-mnist", "mnist", "cifar10", "cifar100", "stl10", "synthetic");

  private Datasets() {}

  /** {@code --data-dir} default: $AUCL_DATA, else ~/.aucl/data. */
  public static Path defaultDataDir() {
    String env = System.getenv("AUCL_DATA");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".aucl", "data");
  }

  /**
   * Opens split {@code split} ("train", "test" or "unlabeled") of a named dataset (fashion-mnist, mnist,
   * cifar10, cifar100, stl10, synthetic) looked up in {@code dataDir} then /usr/share/datasets/NAME, or of a path
   * (format detected). Throws UserException with one clear sentence on any problem.
   */
  public static ImageDataset open(String nameOrPath, String split, Path dataDir) {
    return open(nameOrPath, split, dataDir, DatasetOptions.DEFAULTS);
  }

  /** {@link #open(String, String, Path)} with reading options (CIFAR-100 coarse labels, image-folder size). */
  public static ImageDataset open(String nameOrPath, String split, Path dataDir, DatasetOptions options) {
    return locate(nameOrPath, dataDir, options).open(split);
  }

  /** Finds a dataset without reading it: its format, location and splits. */
  public static DatasetSource locate(String nameOrPath, Path dataDir, DatasetOptions options) {
    return locate(nameOrPath, dataDir, options, List.of(SYSTEM_DIR));
  }

  /** {@link #locate(String, Path, DatasetOptions)} searching {@code systemDirs} after {@code dataDir}. */
  static DatasetSource locate(String nameOrPath, Path dataDir, DatasetOptions options, List<Path> systemDirs) {
    if (nameOrPath == null || nameOrPath.isBlank()) {
      throw new UserException("No dataset given: name one of " + String.join(", ", NAMES) + ", or give a path.");
    }
    String key = nameOrPath.trim().toLowerCase(Locale.ROOT);
    if (key.equals("synthetic") || key.startsWith("synthetic:")) {
      return SyntheticSpec.parse(nameOrPath.trim()).source();
    }
    Optional<String> canonical = canonicalName(key);
    if (canonical.isPresent()) {
      boolean coarse = options.coarseLabels() || key.equals("cifar100-coarse");
      return locateNamed(canonical.get(), dataDir, coarse, systemDirs);
    }
    Path path;
    try {
      path = Path.of(nameOrPath);
    } catch (InvalidPathException e) {
      path = null;
    }
    if (path == null || !Files.exists(path)) {
      throw new UserException("Unknown dataset '" + nameOrPath + "': it is neither a known name ("
          + String.join(", ", NAMES) + ") nor an existing file or folder.");
    }
    return FormatDetector.detect(path, options);
  }

  /**
   * {@code ds} with every image decoded once where decoding can fail (an image folder: {@link
   * ImageFolderDataset#verified}), on every processor; other datasets as they are.
   */
  public static ImageDataset verified(ImageDataset ds) {
    return ds instanceof ImageFolderDataset f ? f.verified(Runtime.getRuntime().availableProcessors()) : ds;
  }

  /** The directories searched for a named dataset, in order. */
  public static List<Path> searchDirs(String name, Path dataDir) {
    return searchDirs(name, dataDir, List.of(SYSTEM_DIR));
  }

  private static List<Path> searchDirs(String name, Path dataDir, List<Path> systemDirs) {
    List<Path> dirs = new ArrayList<>();
    if (dataDir != null) {
      dirs.add(dataDir.resolve(name));
    }
    for (Path s : systemDirs) {
      dirs.add(s.resolve(name));
    }
    return dirs;
  }

  private static DatasetSource locateNamed(String name, Path dataDir, boolean coarse, List<Path> systemDirs) {
    List<Path> dirs = searchDirs(name, dataDir, systemDirs);
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      Optional<DatasetSource> found = switch (name) {
        case "fashion-mnist" -> DatasetLayouts.idx(name, dir, ClassNames.FASHION_MNIST);
        case "mnist" -> DatasetLayouts.idx(name, dir, ClassNames.MNIST);
        case "cifar10" -> DatasetLayouts.cifar10(name, dir);
        case "cifar100" -> DatasetLayouts.cifar100(coarse ? "cifar100-coarse" : name, dir, coarse);
        case "stl10" -> DatasetLayouts.stl10(name, dir);
        default -> throw new IllegalStateException("no layout for " + name);
      };
      if (found.isPresent()) {
        return found.get();
      }
    }
    String where = String.join(" nor ", dirs.stream().map(Path::toString).toList());
    throw new UserException("Dataset " + name + " was not found in " + where + "; run './aucl data fetch " + name
        + "' or place the files as docs/DATASETS.md describes.");
  }

  /** The canonical name for a known name or alias ("fashion_mnist", "cifar-10", ...). */
  public static Optional<String> canonicalName(String key) {
    return switch (key) {
      case "fashion-mnist", "fashion_mnist", "fashionmnist", "fmnist" -> Optional.of("fashion-mnist");
      case "mnist" -> Optional.of("mnist");
      case "cifar10", "cifar-10" -> Optional.of("cifar10");
      case "cifar100", "cifar-100", "cifar100-coarse" -> Optional.of("cifar100");
      case "stl10", "stl-10" -> Optional.of("stl10");
      default -> Optional.empty();
    };
  }
}
