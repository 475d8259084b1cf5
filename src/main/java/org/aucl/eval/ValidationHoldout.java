package org.aucl.eval;

import org.aucl.data.ImageDataset;
import org.aucl.data.SubsetDataset;
import org.aucl.util.UserException;

/**
 * A training split less its validation images: {@code n} images held out class by class (each class
 * gives its share, {@link StratifiedSplit}), with a seed of their own, so that every run of a study,
 * whatever its seed, trains without the same images and is chosen on them.
 *
 * @param training the images trained on (and the kNN bank, and the evaluations' training split)
 * @param validation the images held out
 */
public record ValidationHoldout(ImageDataset training, ImageDataset validation) {
  /** The validation images' seed: fixed, not the run's. */
  public static final long SEED = 20240507L;

  /** Holds {@code n} images of {@code split} out. */
  public static ValidationHoldout of(ImageDataset split, int n) {
    if (!split.labeled()) {
      throw new UserException("--validation needs labelled images to hold out class by class, and " + split.name()
          + " has none.");
    }
    if (n >= split.size()) {
      throw new UserException("--validation " + n + " would hold out all " + split.size() + " training images of "
          + split.name() + "; choose fewer.");
    }
    StratifiedSplit s = StratifiedSplit.of(EvalSplits.labels(split), n / (double) split.size(), SEED);
    return new ValidationHoldout(new SubsetDataset(split, s.kept(), split.name() + "[without validation]"),
        new SubsetDataset(split, s.heldOut(), split.name() + "[validation]"));
  }
}
