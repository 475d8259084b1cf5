package org.aucl.cli;

import ai.djl.ndarray.NDManager;
import java.util.concurrent.Callable;
import org.aucl.RunCheckpoint;
import org.aucl.RunFeatures;
import org.aucl.data.SubsetDataset;
import org.aucl.data.Subsets;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.eval.KnnClassifier;
import org.aucl.eval.KnnResult;
import org.aucl.eval.KnnWeighting;
import org.aucl.train.PretrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aucl eval knn RUN_DIR}: the weighted kNN of a run's checkpoint, with any k or weighting. */
@Command(
    name = "knn",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Weighted kNN top-1/top-5 of a run's checkpoint on a dataset's test split (docs/EVALUATION.md).")
public final class EvalKnnCommand implements Callable<Integer> {
  @Mixin VerboseOption verbose;

  @Mixin EvalTarget target;

  @Option(names = "--knn-k", description = "Neighbours (default: the run's).")
  Integer knnK;

  @Option(names = "--knn-temperature", description = "0: votes weighted by similarity; t > 0: by exp(sim / t) (default: the run's).")
  Double knnTemperature;

  @Option(names = "--knn-weights", paramLabel = "W",
      description = "Votes weighted by similarity or shifted-cosine, (1 + sim) / 2, when the temperature is 0 (default: the run's).")
  String knnWeights;

  @Option(names = "--knn-bank", description = "Bank size, 0 = the whole training split (default: the run's).")
  Integer knnBank;

  @Override
  public Integer call() {
    RunCheckpoint ckpt = target.checkpoint();
    PretrainConfig.Monitor m = ckpt.config().monitor();
    int k = knnK != null ? knnK : m.knnK();
    double t = knnTemperature != null ? knnTemperature : m.knnTemperature();
    int bankSize = knnBank != null ? knnBank : m.knnBank();
    // a temperature asked for here replaces the run's weighting unless a weighting is asked for too
    String w = knnWeights != null ? knnWeights : knnTemperature != null && t > 0 ? KnnWeighting.SIMILARITY.toString() : m.knnWeights();
    KnnClassifier knn = UserInput.check(() -> new KnnClassifier(k, t, KnnWeighting.parse(w)));
    try (RunFeatures rf = target.features(ckpt)) {
      Features train = rf.train(FeatureHead.ENCODER);
      Features test = rf.test(FeatureHead.ENCODER);
      Features bank = train;
      if (bankSize > 0 && bankSize < train.n()) {
        // the monitor's bank: the same class-balanced subset (seed + 1) of the training split
        SubsetDataset sub = (SubsetDataset) Subsets.balanced(rf.splits().train(), bankSize, ckpt.config().seed() + 1);
        int[] rows = new int[sub.size()];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = sub.sourceIndex(i);
        }
        bank = train.select(rows);
      }
      KnnResult r;
      try (NDManager manager = NDManager.newBaseManager(target.device())) {
        r = knn.evaluate(manager, bank, test);
      }
      System.out.println(target.describe(ckpt) + "; " + rf.splits().note());
      System.out.printf(
          "kNN k=%d, %s votes, bank %d: top-1 %.2f%%%s%n",
          r.k(), t > 0 ? "exp(sim/" + t + ")" : KnnWeighting.parse(w).toString(), bank.n(), 100 * r.top1(),
          Double.isNaN(r.top5()) ? "" : String.format(", top-5 %.2f%%", 100 * r.top5()));
    }
    return 0;
  }
}
