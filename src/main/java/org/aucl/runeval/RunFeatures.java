package org.aucl.runeval;

import ai.djl.Device;
import java.nio.file.Path;
import org.aucl.augment.ImageShape;
import org.aucl.augment.ViewPipeline;
import org.aucl.augment.ViewTransform;
import org.aucl.data.DatasetOptions;
import org.aucl.data.ImageDataset;
import org.aucl.eval.EvalSplits;
import org.aucl.eval.FeatureCache;
import org.aucl.eval.FeatureExtractor;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.FeatureKey;
import org.aucl.eval.ValidationHoldout;
import org.aucl.eval.Features;
import org.aucl.model.ContrastiveNet;
import org.aucl.run.RunCheckpoint;

/**
 * Features of a checkpoint on an evaluation dataset's splits, extracted once and then read from the
 * run's feature cache ({@code RUN/features/}). The network is loaded only when something is missing.
 */
public final class RunFeatures implements AutoCloseable {
  private final RunCheckpoint checkpoint;
  private final EvalSplits splits;
  private final Device device;
  private final FeatureCache cache;
  private ContrastiveNet net;
  private int extracted;

  public RunFeatures(RunCheckpoint checkpoint, EvalSplits splits, Device device) {
    this(checkpoint, splits, device, new FeatureCache(checkpoint.run().root().resolve("features")));
  }

  public RunFeatures(RunCheckpoint checkpoint, EvalSplits splits, Device device, FeatureCache cache) {
    this.checkpoint = checkpoint;
    this.splits = splits;
    this.device = device;
    this.cache = cache;
  }

  /** Opens {@code dataset} (null: the run's own) for {@code checkpoint}'s network. */
  public static EvalSplits splitsFor(RunCheckpoint checkpoint, String dataset, Path dataDir) {
    return splitsFor(checkpoint, dataset, dataDir, null);
  }

  /**
   * Opens {@code dataset} (null: the run's own) for {@code checkpoint}'s network, image folders read as
   * {@code read} says (null: as the run read its own; another dataset's as {@link DatasetOptions#DEFAULTS}).
   */
  public static EvalSplits splitsFor(RunCheckpoint checkpoint, String dataset, Path dataDir, DatasetOptions read) {
    String name = dataset != null ? dataset : checkpoint.config().data().dataset();
    Path dir = dataDir != null ? dataDir : Path.of(checkpoint.config().data().dataDir());
    DatasetOptions options = read != null ? read
        : dataset == null ? checkpoint.config().data().readOptions(0) : DatasetOptions.DEFAULTS;
    EvalSplits splits = EvalSplits.open(name, dir, checkpoint.channels(), checkpoint.imageSize(), options,
        "these evaluations need labelled images");
    int validation = checkpoint.config().data().validation();
    if (dataset != null || validation == 0) {
      return splits;
    }
    // the run's own images: its validation images were held out of training, and are out of the evaluations too
    ValidationHoldout holdout = ValidationHoldout.of(splits.train(), validation);
    return new EvalSplits(holdout.training(), splits.test(), splits.note() + " (" + validation
        + " validation images held out of the training split)");
  }

  public Features train(FeatureHead head) {
    return features(splits.train(), "train", head);
  }

  public Features test(FeatureHead head) {
    return features(splits.test(), "test", head);
  }

  public EvalSplits splits() {
    return splits;
  }

  /** The device the network runs on (and the kNN classifier with it). */
  public Device device() {
    return device;
  }

  /** Splits extracted (not read from the cache) so far. */
  public int extracted() {
    return extracted;
  }

  /**
   * Stores encoder features of {@code split} computed elsewhere from this checkpoint's weights (the
   * pretraining monitor's, after the last epoch), so they are not extracted again. They are ignored unless
   * they were made from the same images (same identity) with the same transform.
   *
   * @return true when they match (and are stored, unless the cache holds them already), false when not
   */
  public boolean offer(String split, ImageDataset images, ViewTransform transform, Features f) {
    ImageDataset ds = split.equals("train") ? splits.train() : splits.test();
    FeatureKey key = key(ds, split, FeatureHead.ENCODER);
    if (f.n() != ds.size() || !key.transform().equals(transform.toString())
        || !key.dataset().equals(FeatureKey.identify(images))) {
      return false;
    }
    if (!cache.has(key)) {
      cache.put(key, f);
    }
    return true;
  }

  private FeatureKey key(ImageDataset ds, String split, FeatureHead head) {
    ViewPipeline eval = checkpoint.evalTransform(ImageShape.of(ds), ds.shapesVary());
    return new FeatureKey(checkpoint.contentHash(), FeatureKey.identify(ds), split, eval.toString(), head);
  }

  private Features features(ImageDataset ds, String split, FeatureHead head) {
    ViewPipeline eval = checkpoint.evalTransform(ImageShape.of(ds), ds.shapesVary());
    FeatureKey key = key(ds, split, head);
    return cache.get(
        key,
        () -> {
          if (net == null) {
            net = checkpoint.loadNet(device);
          }
          extracted++;
          return FeatureExtractor.extract(net, ds, eval, head);
        });
  }

  @Override
  public void close() {
    if (net != null) {
      net.close();
      net = null;
    }
  }
}
