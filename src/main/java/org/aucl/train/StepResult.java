package org.aucl.train;

/** What one training step reports (spec section 4): the loss and the detached score statistics. */
public record StepResult(double loss, double meanPositive, double meanNegative, double batchAuc) {}
