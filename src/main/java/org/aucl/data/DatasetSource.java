package org.aucl.data;

import java.util.List;
import java.util.function.Function;
import org.aucl.util.UserException;

/**
 * A located dataset: what it is, where it was found, which splits it offers, and how to open one.
 *
 * @param name short name ("fashion-mnist", or the file or folder name of a path)
 * @param format e.g. "IDX", "CIFAR-10 binary", "image folder"
 * @param location where it was found (a directory or file), for messages and {@code data info}
 * @param splits the splits it offers; a path to one file or one plain folder offers "all"
 */
public record DatasetSource(
    String name, String format, String location, List<String> splits, Function<String, ImageDataset> opener) {

  /** The split name of a source that is a single file or plain folder: it opens for any split asked. */
  public static final String ALL = "all";

  public DatasetSource {
    splits = List.copyOf(splits);
  }

  /** Opens {@code split}; throws UserException when this source has no such split. */
  public ImageDataset open(String split) {
    if (splits.equals(List.of(ALL))) {
      return opener.apply(ALL);
    }
    if (!splits.contains(split)) {
      throw new UserException("Dataset " + name + " at " + location + " has no split '" + split + "' (it has "
          + String.join(", ", splits) + ").");
    }
    return opener.apply(split);
  }
}
