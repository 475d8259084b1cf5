package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention as timm's ViT {@code Attention}: one fused qkv projection with bias
 * (dim -> 3 dim), softmax(q k^T / sqrt(dim / heads)) v per head, then an output projection with
 * bias (dim -> dim); no dropout.
 *
 * <p>Input B x T x dim; output B x T x dim.
 */
final class SelfAttention extends AbstractBlock {
  private final int dim;
  private final int heads;
  private final Linear qkv;
  private final Linear proj;

  SelfAttention(int dim, int heads) {
    if (heads < 1 || dim % heads != 0) {
      throw new IllegalArgumentException(
          "The embedding dimension (" + dim + ") must be a positive multiple of the number of heads (" + heads + ").");
    }
    this.dim = dim;
    this.heads = heads;
    this.qkv = addChildBlock("qkv", timmLinear(3 * dim));
    this.proj = addChildBlock("proj", timmLinear(dim));
  }

  /** A linear layer with bias, initialised as timm's ViT (trunc normal 0.02, zero bias). */
  static Linear timmLinear(int units) {
    Linear l = Linear.builder().setUnits(units).optBias(true).build();
    l.setInitializer(TimmInit.truncNormal(TimmInit.STD), Parameter.Type.WEIGHT);
    l.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    return l;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    int dh = dim / heads;
    // B x T x 3D -> 3 x B x H x T x dh
    NDArray qkvOut = qkv.forward(ps, inputs, training).singletonOrThrow()
        .reshape(b, t, 3, heads, dh)
        .transpose(2, 0, 3, 1, 4);
    NDArray q = qkvOut.get(0);
    NDArray k = qkvOut.get(1);
    NDArray v = qkvOut.get(2);
    NDArray attn = q.matMul(k.transpose(0, 1, 3, 2)).muli(1.0 / Math.sqrt(dh)).softmax(-1);
    NDArray out = attn.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, dim);
    return proj.forward(ps, new NDList(out), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    qkv.initialize(manager, dataType, inputShapes);
    proj.initialize(manager, dataType, inputShapes);
  }

  /** Multiply-adds per image for T tokens: qkv, q k^T, attention times v, output projection. */
  static long macs(long tokens, int dim) {
    return tokens * dim * 3L * dim + 2L * tokens * tokens * dim + tokens * dim * (long) dim;
  }
}
