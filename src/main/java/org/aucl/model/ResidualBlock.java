package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * relu(main(x) + shortcut(x)): the residual add of torchvision's BasicBlock and Bottleneck. The
 * shortcut is the identity or a 1x1 convolution with BatchNorm (the "downsample").
 *
 * <p>Input B x C_in x H x W; output B x C_out x H/s x W/s.
 */
final class ResidualBlock extends AbstractBlock {
  private final Block main;
  private final Block shortcut; // null: identity

  ResidualBlock(Block main, Block shortcut) {
    this.main = addChildBlock("main", main);
    this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray out = main.forward(ps, inputs, training, params).singletonOrThrow();
    NDArray identity = shortcut == null ? x : shortcut.forward(ps, inputs, training, params).singletonOrThrow();
    return new NDList(Activation.relu(out.add(identity)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return main.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    main.initialize(manager, dataType, inputShapes);
    if (shortcut != null) {
      shortcut.initialize(manager, dataType, inputShapes);
    }
  }
}
