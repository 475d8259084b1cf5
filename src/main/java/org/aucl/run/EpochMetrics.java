package org.aucl.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of metrics.jsonl: the epoch's means over its steps and, on monitor epochs, kNN accuracy
 * (NaN-free: null when not measured), and the steps skipped for a non-finite loss or gradient
 * ({@code --on-nan skip}; null when none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochMetrics(
    int epoch,
    long step,
    double loss,
    double meanPositive,
    double meanNegative,
    double batchAuc,
    double lr,
    Double knnTop1,
    Double knnTop5,
    double imagesPerSecond,
    double epochSeconds,
    double elapsedSeconds,
    java.util.Map<String, Double> objective,
    Integer skippedSteps) {}
