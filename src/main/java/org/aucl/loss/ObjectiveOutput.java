package org.aucl.loss;

import ai.djl.ndarray.NDArray;

/**
 * What an objective returns for one step.
 *
 * @param loss the scalar to back-propagate (differentiable with respect to the embeddings and to the
 *     objective's minimised variables)
 * @param meanPositive mean positive score of the step, detached, for logging
 * @param meanNegative mean negative score of the step, detached
 * @param batchAuc fraction of (positive, negative) pairs of the same anchor ordered correctly, detached
 */
public record ObjectiveOutput(NDArray loss, double meanPositive, double meanNegative, double batchAuc) {}
