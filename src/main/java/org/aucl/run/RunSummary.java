package org.aucl.run;

/**
 * summary.json: how the run ended. kNN figures are fractions in [0, 1]; null if never measured.
 * {@code kernelDetours}: the convolutions the training process ran off its layout's kernels because
 * they were shown wrong on its processor ({@code KernelGuard}; empty almost everywhere, null in runs
 * made before the guard).
 */
public record RunSummary(
    String runDir,
    int epochs,
    Double finalKnnTop1,
    Double bestKnnTop1,
    Integer bestEpoch,
    double wallSeconds,
    double meanImagesPerSecond,
    double finalLoss,
    java.util.List<String> kernelDetours) {}
