package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * A bias-free linear layer with weight normalisation (Salimans and Kingma 2016), as PyTorch's
 * {@code weight_norm(nn.Linear(in, out, bias=False))} with {@code dim=0}: the weight is
 * {@code W_k = g_k v_k / ||v_k||} for every output unit k, and both {@code v} (out x in) and
 * {@code g} (out x 1) are trained.
 *
 * <p>Initialisation as DINO's last layer: {@code v} PyTorch's nn.Linear default U(+-1/sqrt(in)),
 * {@code g} = 1 (so every row of W starts as a unit vector).
 *
 * <p>Input B x in; output B x out.
 */
public final class WeightNormLinear extends AbstractBlock {
  private final int units;
  private final Parameter weightV;
  private final Parameter weightG;

  WeightNormLinear(int units) {
    if (units < 1) {
      throw new IllegalArgumentException("A weight-normalised layer needs at least one output, got " + units + ".");
    }
    this.units = units;
    this.weightV = addParameter(Parameter.builder().setName("weight_v").setType(Parameter.Type.WEIGHT).build());
    this.weightG = addParameter(Parameter.builder().setName("weight_g").setType(Parameter.Type.GAMMA)
        .optShape(new Shape(units, 1)).optInitializer(Initializer.ONES).build());
  }

  @Override
  public void prepare(Shape[] inputShapes) {
    long in = inputShapes[0].get(inputShapes[0].dimension() - 1);
    weightV.setShape(new Shape(units, in));
    weightV.setInitializer(TorchInit.linearUniform(in));
  }

  /** The effective weight g v / ||v|| (out x in), from the given v and g. */
  static NDArray weight(NDArray v, NDArray g) {
    return v.div(v.norm(new int[] {1}, true)).mul(g);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray v = ps.getValue(weightV, x.getDevice(), training);
    NDArray g = ps.getValue(weightG, x.getDevice(), training);
    return new NDList(x.matMul(weight(v, g).transpose()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), units)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // no children
  }
}
