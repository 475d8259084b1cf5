package org.aucl.runeval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.data.DatasetOptions;
import org.aucl.data.DatasetSource;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.eval.ChannelAdapter;
import org.aucl.eval.EvalSplits;
import org.aucl.eval.StratifiedSplit;
import org.aucl.util.UserException;

/**
 * Which images {@code embed} writes, in which order, and the split each row names.
 *
 * <ul>
 *   <li>A dataset with splits (fashion-mnist, a folder with train/ and test/): {@code all} is every split
 *       in the dataset's order, else the split asked for; each row names its split.
 *   <li>A labelled dataset without splits (a folder of class folders): split as the evaluations split it
 *       ({@link EvalSplits}); rows in the dataset's order, each naming the part it fell in; {@code train}
 *       or {@code test} keeps one part.
 *   <li>An unlabeled dataset without splits (a folder of images at any depth): every image, in the order
 *       of their relative paths; no split column.
 * </ul>
 *
 * @param parts the images, part after part
 * @param splitColumn whether rows name their split
 * @param classNames the class names when the images are labelled, else empty
 */
public record EmbeddingRows(List<Part> parts, boolean splitColumn, List<String> classNames) {
  /** The split that takes every image. */
  public static final String ALL = "all";

  /**
   * Rows {@code indices} of {@code images} (null: every row, in order), each in split {@code splits[k]}
   * (null: no split column), where k is the row's position in the part.
   */
  public record Part(ImageDataset images, int[] indices, String[] splits) {
    public int size() {
      return indices == null ? images.size() : indices.length;
    }

    /** The dataset index of the part's k-th row. */
    public int index(int k) {
      return indices == null ? k : indices[k];
    }

    public String split(int k) {
      return splits == null ? null : splits[k];
    }
  }

  /** Rows in all. */
  public long size() {
    return parts.stream().mapToLong(Part::size).sum();
  }

  /**
   * The rows of {@code dataset}'s split {@code split} ("all" or one of its splits) for a network that
   * takes {@code channels}-channel images of side {@code size}.
   */
  public static EmbeddingRows of(String dataset, Path dataDir, DatasetOptions read, String split, int channels, int size) {
    DatasetSource src = Datasets.locate(dataset, dataDir, read.withImageSize(size).withChannels(channels == 1 ? 1 : 3));
    if (!src.splits().equals(List.of(DatasetSource.ALL))) {
      List<String> chosen = split.equals(ALL) ? src.splits() : List.of(split);
      if (!src.splits().containsAll(chosen)) {
        throw new UserException(src.name() + " has no split '" + split + "': it has " + String.join(", ", src.splits())
            + " (or all).");
      }
      List<Part> parts = new ArrayList<>();
      List<String> classes = null;
      for (String s : chosen) {
        ImageDataset ds = ChannelAdapter.adapt(src.open(s), channels);
        classes = classes == null ? ds.classNames() : classes.equals(ds.classNames()) ? classes : List.of();
        String[] splits = new String[ds.size()];
        java.util.Arrays.fill(splits, s);
        parts.add(new Part(ds, null, splits));
      }
      return new EmbeddingRows(parts, true, classes);
    }
    ImageDataset all = ChannelAdapter.adapt(src.open(DatasetSource.ALL), channels);
    if (!all.labeled() || all.classNames().size() < 2) {
      if (!split.equals(ALL)) {
        throw new UserException(src.name() + " has no splits (" + (all.labeled() ? "one class" : "no labels")
            + "): it is embedded whole; leave out --split.");
      }
      return new EmbeddingRows(List.of(new Part(all, null, null)), false, all.classNames());
    }
    StratifiedSplit parts = StratifiedSplit.of(EvalSplits.labels(all), EvalSplits.TEST_FRACTION, EvalSplits.SPLIT_SEED);
    String[] splitOf = new String[all.size()];
    java.util.Arrays.fill(splitOf, "train");
    for (int i : parts.heldOut()) {
      splitOf[i] = "test";
    }
    Part part = switch (split) {
      case ALL -> new Part(all, null, splitOf);
      case "train" -> only(all, parts.kept(), "train");
      case "test" -> only(all, parts.heldOut(), "test");
      default -> throw new UserException(src.name() + " has no split '" + split
          + "': without split folders its images are split as the evaluations split them, into train and test (or all).");
    };
    return new EmbeddingRows(List.of(part), true, all.classNames());
  }

  private static Part only(ImageDataset all, int[] indices, String split) {
    String[] splits = new String[indices.length];
    java.util.Arrays.fill(splits, split);
    return new Part(all, indices, splits);
  }
}
