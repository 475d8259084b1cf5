package org.aucl.train;

import ai.djl.ndarray.NDManager;
import org.aucl.augment.ViewTransform;
import org.aucl.data.ImageDataset;
import org.aucl.data.Subsets;
import org.aucl.eval.FeatureExtractor;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.eval.KnnResult;
import org.aucl.model.ContrastiveNet;
import org.aucl.util.UserException;

/**
 * The weighted kNN monitor (docs/PRETRAINING.md, the kNN monitor): L2-normalised encoder features of un-augmented images,
 * the test split queried against the training split (or a class-balanced subset of it) as the bank.
 */
public final class KnnMonitor {
  private final org.aucl.spec.Monitor settings;
  private final ImageDataset bank;
  private final ImageDataset test;
  private final ViewTransform eval;
  private Extracted last;

  /**
   * What one evaluation extracted and found, kept so the run's final evaluations need not do it again.
   *
   * @param seconds extraction and classification
   */
  public record Extracted(ImageDataset bankImages, Features bank, ImageDataset testImages, Features test,
      ViewTransform transform, KnnResult result, double seconds) {}

  /**
   * @param trainSplit the whole training split (or the training part of a dataset without a test split);
   *     {@code settings.knnBank() > 0} keeps a balanced subset
   * @param eval the preset's evaluation transform (resize if needed, normalise)
   */
  public KnnMonitor(
      org.aucl.spec.Monitor settings, ImageDataset trainSplit, ImageDataset test, ViewTransform eval, long seed) {
    int size = settings.knnBank();
    this.settings = settings;
    this.bank = size > 0 && size < trainSplit.size() ? Subsets.balanced(trainSplit, size, seed + 1) : trainSplit;
    this.test = test;
    this.eval = eval;
    if (settings.knnK() > bank.size()) {
      throw new UserException("--knn-k " + settings.knnK() + " is larger than the kNN bank (" + bank.size()
          + " images); choose at most " + bank.size() + ".");
    }
    for (ImageDataset ds : new ImageDataset[] {bank, test}) {
      if (!ds.labeled()) {
        throw new UserException("the kNN monitor needs labels, but " + ds.name() + " has none; turn it off with --knn-every 0.");
      }
    }
  }

  /** The features of the latest {@link #evaluate}, or null before the first. */
  public Extracted lastExtracted() {
    return last;
  }

  public KnnResult evaluate(ContrastiveNet net, NDManager manager) {
    long start = System.nanoTime();
    Features bankFeatures = FeatureExtractor.extract(net, bank, eval, FeatureHead.ENCODER);
    Features testFeatures = FeatureExtractor.extract(net, test, eval, FeatureHead.ENCODER);
    KnnResult r = settings.classifier().evaluate(manager, bankFeatures, testFeatures);
    last = new Extracted(bank, bankFeatures, test, testFeatures, eval, r, (System.nanoTime() - start) / 1e9);
    return r;
  }
}
