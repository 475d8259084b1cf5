package org.aucl.train;

import org.aucl.augment.Augmentation;
import org.aucl.augment.ImageShape;
import org.aucl.data.ImageDataset;
import org.aucl.data.Subsets;
import org.aucl.spec.RunSpec;
import org.aucl.util.UserException;

/**
 * The images of a run: what it trains on (the training split or a balanced subset of it), the whole
 * training split (the kNN monitor's bank), and the augmentation resolved for their shape.
 */
record TrainingData(ImageDataset train, ImageDataset trainSplit, Augmentation augmentation) {
  static TrainingData open(RunSpec cfg) {
    ImageDataset split = cfg.openSplit("train");
    ImageDataset train = split;
    if (cfg.data().subset() > 0) {
      train = Subsets.balanced(split, Math.min(cfg.data().subset(), split.size()), cfg.seed());
    }
    int batch = cfg.schedule().batchSize();
    if (batch > train.size()) {
      throw new UserException(
          "--batch-size " + batch + " is larger than the training set (" + train.size() + " images).");
    }
    ImageShape shape = new ImageShape(train.channels(), train.height(), train.width());
    Augmentation aug = Augmentation.of(cfg.data().preset(), cfg.augment(), shape);
    if (aug.channels() != cfg.net().inChannels() || aug.outputSize() != cfg.net().imageSize()) {
      throw new UserException("the network takes " + cfg.net().inChannels() + "x" + cfg.net().imageSize() + "x"
          + cfg.net().imageSize() + " images but " + cfg.data().dataset() + " gives " + aug.output()
          + "; the run's config.json does not match its dataset.");
    }
    return new TrainingData(train, split, aug);
  }
}
