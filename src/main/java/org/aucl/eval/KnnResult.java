package org.aucl.eval;

/** Accuracy of a kNN classifier, as fractions in [0, 1]; top5 is NaN with 5 classes or fewer. */
public record KnnResult(double top1, double top5, int k, int queries) {}
