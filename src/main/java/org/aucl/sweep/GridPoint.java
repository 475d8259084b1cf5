package org.aucl.sweep;

/** One run of a sweep's grid: an objective (canonical name), a batch size and a seed. */
public record GridPoint(String objective, int batchSize, long seed) {
  /** The run's folder inside the sweep folder, e.g. {@code auc-cl-b64-s2}. */
  public String dirName() {
    return objective + "-b" + batchSize + "-s" + seed;
  }
}
