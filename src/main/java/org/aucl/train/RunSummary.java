package org.aucl.train;

/** summary.json: how the run ended. kNN figures are fractions in [0, 1]; null if never measured. */
public record RunSummary(
    String runDir,
    int epochs,
    Double finalKnnTop1,
    Double bestKnnTop1,
    Integer bestEpoch,
    double wallSeconds,
    double meanImagesPerSecond,
    double finalLoss) {}
