package org.aucl.train;

import java.util.Iterator;
import org.aucl.augment.EpochLoader;
import org.aucl.data.ImageDataset;
import org.aucl.data.Subsets;
import org.aucl.eval.FeatureExtractor;
import org.aucl.eval.FeatureHead;
import org.aucl.method.PretrainMethod;
import org.aucl.method.StepClock;
import org.aucl.model.Devices;
import org.aucl.spec.RunSpec;

/**
 * A short measurement of what a run costs, for estimates before long work ({@code sweep --dry-run}):
 * a few training steps of the run's own method and loader, and its evaluation network's feature
 * extraction over a few images. Nothing is written.
 *
 * @param secondsPerStep one optimiser step, loading included, after untimed warm-up steps
 * @param evalSecondsPerImage one un-augmented image through the evaluation network (the kNN monitor's cost)
 */
public record StepTiming(double secondsPerStep, double evalSecondsPerImage) {
  private static final int EVAL_IMAGES = 256;

  /** Times {@code timed} steps of {@code cfg}'s run after {@code warmup} untimed ones. */
  public static StepTiming measure(RunSpec cfg, int warmup, int timed) {
    TrainingData data = TrainingData.open(cfg);
    try (PretrainMethod<?> method = cfg.method().create(
        cfg.net(), cfg.optimizer(), Devices.resolve(cfg.device()), cfg.seed(), data.train().size())) {
      double step = timeSteps(method, data, cfg, warmup, timed);
      ImageDataset few = Subsets.balanced(data.train(), Math.min(EVAL_IMAGES, data.train().size()), cfg.seed());
      long start = System.nanoTime();
      FeatureExtractor.extract(method.evalNet(), few, data.augmentation().eval(), FeatureHead.ENCODER);
      return new StepTiming(step, (System.nanoTime() - start) / 1e9 / few.size());
    }
  }

  private static <B> double timeSteps(PretrainMethod<B> method, TrainingData data, RunSpec cfg, int warmup, int timed) {
    try (EpochLoader<B> loader = method.openLoader(
        data.train(), data.augmentation(), cfg.schedule().batchSize(), cfg.data().workers(), cfg.seed())) {
      long perEpoch = loader.batchesPerEpoch();
      int epoch = 1;
      Iterator<B> it = loader.epoch(epoch, 0);
      long start = 0;
      double lr = cfg.optimizer().lr();
      for (int s = 0; s < warmup + timed; s++) {
        if (s == warmup) {
          start = System.nanoTime();
        }
        if (!it.hasNext()) {
          it = loader.epoch(++epoch, 0); // a tiny training set: the next epoch's batches
        }
        method.step(it.next(), lr, new StepClock(s, perEpoch, perEpoch * cfg.schedule().epochs()));
      }
      return (System.nanoTime() - start) / 1e9 / timed;
    }
  }
}
