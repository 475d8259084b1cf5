package org.aucl.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Mean over the spatial axes: B x C x H x W to B x C. */
final class GlobalAvgPool extends AbstractBlock {
  private static final int[] LAST = {2};

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    ai.djl.ndarray.NDArray x = inputs.singletonOrThrow();
    long[] s = x.getShape().getShape();
    return new NDList(x.reshape(s[0], s[1], -1).mean(LAST));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1))};
  }
}
