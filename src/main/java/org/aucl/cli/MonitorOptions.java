package org.aucl.cli;

import org.aucl.spec.Monitor;
import picocli.CommandLine.Option;

/** {@code pretrain}'s kNN monitor options; each is null unless given. */
public final class MonitorOptions {
  @Option(names = "--knn-k", paramLabel = "K", description = "Neighbours of the kNN monitor (default: " + Monitor.DEFAULT_K + ").")
  Integer knnK;

  @Option(names = "--knn-every", paramLabel = "N",
      description = "Run the kNN monitor every N epochs and after the last; 0: never (default: " + Monitor.DEFAULT_EVERY + ").")
  Integer knnEvery;

  @Option(names = "--knn-temperature", paramLabel = "T",
      description = "0: votes weighted by similarity; t > 0: by exp(sim / t) (default: 0).")
  Double knnTemperature;

  @Option(names = "--knn-weights", paramLabel = "W",
      description = "With temperature 0, votes weighted by similarity (sim) or shifted-cosine ((1 + sim) / 2, the authors') (default: similarity).")
  String knnWeights;

  @Option(names = "--knn-bank", paramLabel = "N", description = "Bank size: 0 = the whole training split, else a balanced subset (default: 0).")
  Integer knnBank;

  @Option(names = "--monitor-split", paramLabel = "SPLIT",
      description = "What the kNN monitor classifies: test (the test split, the default) or val (the images --validation "
          + "holds out of the training split: choose settings on these, never on the test split).")
  String split;

  /** Whether any monitor option was given: then the monitor is asked for, and an unlabeled dataset is refused. */
  boolean anyGiven() {
    return knnK != null || knnEvery != null || knnTemperature != null || knnWeights != null || knnBank != null
        || split != null;
  }

  Monitor applyTo(Monitor m) {
    return UserInput.check(() -> new Monitor(
        knnK != null ? knnK : m.knnK(),
        knnEvery != null ? knnEvery : m.knnEvery(),
        knnTemperature != null ? knnTemperature : m.knnTemperature(),
        knnBank != null ? knnBank : m.knnBank(),
        knnWeights != null ? knnWeights : m.knnWeights(),
        split != null ? split : m.split()));
  }
}
