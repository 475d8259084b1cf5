package org.aucl.run;

/**
 * An epoch's accounting so far, which a mid-epoch checkpoint keeps so that the resumed epoch reports
 * what an uninterrupted one would: steps taken and skipped, and the sums of loss, mean scores and
 * batch AUC, with the last learning rate.
 */
public record EpochPartial(int steps, int skipped, double loss, double positive, double negative, double auc, double lastLr) {}
