package org.aucl.train;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aucl.augment.Augmentation;
import org.aucl.augment.ImageShape;
import org.aucl.data.DatasetSource;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.data.Subsets;
import org.aucl.eval.EvalSplits;
import org.aucl.eval.ValidationHoldout;
import org.aucl.spec.Monitor;
import org.aucl.spec.RunSpec;
import org.aucl.util.UserException;

/**
 * The images of a run, every one decoded once before any training (a file that does not decode is
 * refused or left out before the first step, not met hours in): what it trains on (the training split
 * or a balanced subset of it), the kNN
 * monitor's bank and queries when it runs (the training and test splits, or for a dataset without a
 * test split the parts the evaluations use: {@link EvalSplits}), and the augmentation resolved for
 * their shape.
 *
 * @param monitor the monitor's splits; null when the monitor is off
 */
record TrainingData(ImageDataset train, ImageDataset split, EvalSplits monitor, Augmentation augmentation) {
  static TrainingData open(RunSpec cfg) {
    DatasetSource src = Datasets.locate(cfg.data().dataset(), Path.of(cfg.data().dataDir()),
        cfg.data().readOptions(cfg.net().imageSize()));
    // each split opened once and decoded once: the training split and the monitor's share a folder's reading
    Map<String, ImageDataset> opened = new HashMap<>();
    boolean whole = src.splits().equals(List.of(DatasetSource.ALL));
    Function<String, ImageDataset> open =
        s -> opened.computeIfAbsent(whole ? DatasetSource.ALL : s, k -> Datasets.verified(src.open(k)));
    ImageDataset split = open.apply("train");
    ValidationHoldout holdout = null;
    if (cfg.data().validation() > 0) {
      if (whole) {
        throw new UserException("--validation needs a dataset with a test split (train and test), and "
            + cfg.data().dataset() + " has one split; give it train/ and test/ folders.");
      }
      holdout = ValidationHoldout.of(split, cfg.data().validation());
    }
    ImageDataset pool = holdout == null ? split : holdout.training();
    ImageDataset train = pool;
    if (cfg.data().subset() > 0) {
      train = Subsets.balanced(pool, Math.min(cfg.data().subset(), pool.size()), cfg.seed());
    }
    int batch = cfg.schedule().batchSize();
    if (batch > train.size()) {
      throw new UserException(
          "--batch-size " + batch + " is larger than the training set (" + train.size() + " images).");
    }
    ImageShape shape = ImageShape.of(train);
    Augmentation aug = Augmentation.of(cfg.data().preset(), cfg.augment(), shape, train.shapesVary());
    if (aug.channels() != cfg.net().inChannels() || aug.outputSize() != cfg.net().imageSize()) {
      throw new UserException("the network takes " + cfg.net().inChannels() + "x" + cfg.net().imageSize() + "x"
          + cfg.net().imageSize() + " images but " + cfg.data().dataset() + " gives " + aug.output()
          + "; the run's config.json does not match its dataset.");
    }
    String need = "the kNN monitor needs labelled images (leave out the --knn-* options, or give --knn-every 0)";
    EvalSplits monitor = null;
    if (cfg.monitor().knnEvery() > 0 && cfg.monitor().split().equals(Monitor.VAL)) {
      if (holdout == null) {
        throw new UserException("--monitor-split val classifies the images --validation N holds out of the training split; "
            + "give --validation.");
      }
      monitor = new EvalSplits(holdout.training(), holdout.validation(), "validation images");
    } else if (cfg.monitor().knnEvery() > 0) {
      ImageDataset bank = pool;
      monitor = EvalSplits.of(src, s -> s.equals("train") ? bank : open.apply(s), cfg.net().inChannels(), need);
    }
    return new TrainingData(train, split, monitor, aug);
  }

  /** The kNN monitor over {@link #monitor}'s splits, or null when it is off. */
  KnnMonitor knnMonitor(RunSpec cfg) {
    return monitor == null ? null
        : new KnnMonitor(cfg.monitor(), monitor.train(), monitor.test(), augmentation.eval(), cfg.seed());
  }
}
