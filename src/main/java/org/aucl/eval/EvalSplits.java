package org.aucl.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.aucl.data.BadImages;
import org.aucl.data.DatasetOptions;
import org.aucl.data.DatasetSource;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.data.SubsetDataset;
import org.aucl.util.UserException;

/**
 * The labelled training and test images an evaluation (or the kNN monitor) reads, with the channels the network expects.
 *
 * <p>The test split is the dataset's {@code test} split, else its {@code val} split; a dataset with
 * neither (a folder of class folders) is split deterministically: {@link
 * #TEST_FRACTION} of each class (seed {@link #SPLIT_SEED}) is the test split. {@link #note} says which.
 *
 * @param note one line for the output: where the two splits came from
 */
public record EvalSplits(ImageDataset train, ImageDataset test, String note) {
  public static final double TEST_FRACTION = 0.2;
  public static final long SPLIT_SEED = 0;

  /**
   * Opens {@code dataset} (a name or a path) for a network trained on {@code channels}-channel images of
   * side {@code size}: image folders are decoded at that size and channel count, other datasets converted
   * by {@link ChannelAdapter} (the evaluation transform resizes).
   */
  public static EvalSplits open(String dataset, Path dataDir, int channels, int size) {
    return open(dataset, dataDir, channels, size, DatasetOptions.DEFAULTS, "these evaluations need labelled images");
  }

  /**
   * {@link #open(String, Path, int, int)} reading image folders as {@code read} says (labels, unreadable
   * files); {@code need} ends the refusal of an unlabeled dataset: what needs the labels, and what to do.
   */
  public static EvalSplits open(String dataset, Path dataDir, int channels, int size, DatasetOptions read, String need) {
    DatasetOptions options = read.withImageSize(size).withChannels(channels == 1 ? 1 : 3);
    DatasetSource src = Datasets.locate(dataset, dataDir, options);
    // leaving out the files whose pixels do not decode means decoding every image first
    boolean decodeFirst = options.onBadImage() == BadImages.SKIP;
    return of(src, split -> decodeFirst ? Datasets.verified(src.open(split)) : src.open(split), channels, need);
  }

  /**
   * The splits of {@code src}, each opened by {@code open} (which may hand back a split already read),
   * for a network that takes {@code channels}-channel images.
   */
  public static EvalSplits of(DatasetSource src, Function<String, ImageDataset> open, int channels, String need) {
    List<String> splits = src.splits();
    ImageDataset train;
    ImageDataset test;
    String note;
    String testSplit = splits.contains("test") ? "test" : splits.contains("val") ? "val" : null;
    if (splits.contains("train") && testSplit != null) {
      train = open.apply("train");
      test = open.apply(testSplit);
      note = src.name() + ": train split " + train.size() + " images, " + testSplit + " split " + test.size();
    } else {
      String whole = splits.contains("train") ? "train" : DatasetSource.ALL;
      ImageDataset all = open.apply(whole);
      requireLabels(all, need);
      StratifiedSplit split = StratifiedSplit.of(labels(all), TEST_FRACTION, SPLIT_SEED);
      train = new SubsetDataset(all, split.kept(), all.name() + "[train part]");
      test = new SubsetDataset(all, split.heldOut(), all.name() + "[test part]");
      note = src.name() + " has no test split: "
          + Math.round(100 * TEST_FRACTION) + "% of each class of its "
          + all.size() + " images (seed " + SPLIT_SEED + ") is the test split (" + test.size() + "), the rest ("
          + train.size() + ") the training split";
    }
    requireLabels(train, need);
    requireLabels(test, need);
    return new EvalSplits(ChannelAdapter.adapt(train, channels), ChannelAdapter.adapt(test, channels), note);
  }

  /** The labels of {@code ds}, in order. */
  public static int[] labels(ImageDataset ds) {
    int[] l = new int[ds.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = ds.label(i);
    }
    return l;
  }

  private static void requireLabels(ImageDataset ds, String need) {
    if (!ds.labeled()) {
      throw new UserException(ds.name() + " has no labels, and " + need + ".");
    }
    if (ds.classNames().size() < 2) {
      throw new UserException(ds.name() + " has only one class, and a classifier needs at least two.");
    }
    if (ds.size() == 0) {
      throw new UserException(ds.name() + " holds no images.");
    }
  }
}
