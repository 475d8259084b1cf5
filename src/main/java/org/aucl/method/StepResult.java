package org.aucl.method;

/**
 * What one training step reports, as host numbers: the loss and the detached score statistics of
 * docs/LOSSES.md (mean positive score, mean negative score, batch AUC; NaN where a method has none).
 */
public record StepResult(double loss, double meanPositive, double meanNegative, double batchAuc) {}
