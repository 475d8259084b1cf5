package org.aucl.eval;

import ai.djl.ndarray.NDArray;

/** Maps a batch of images (N x C x H x W) to features (N x F); called in inference mode. */
@FunctionalInterface
public interface FeatureFunction {
  NDArray apply(NDArray images);
}
