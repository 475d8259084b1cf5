package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-norm transformer encoder block as in timm's and DINO's ViT:
 * {@code x + attn(norm1(x))}, then {@code x + mlp(norm2(x))}, with LayerNorm eps 1e-6, multi-head
 * self-attention with qkv bias ({@link SelfAttention}) and an MLP dim -> ratio dim -> dim with exact
 * (erf) GELU; no dropout, no drop-path.
 *
 * <p>Input B x T x dim; output B x T x dim.
 */
final class TransformerBlock extends AbstractBlock {
  static final float LN_EPS = 1e-6f;

  private final Block norm1;
  private final Block attn;
  private final Block norm2;
  private final Block mlp;

  TransformerBlock(int dim, int heads, int mlpHidden) {
    this.norm1 = addChildBlock("norm1", layerNorm());
    this.attn = addChildBlock("attn", new SelfAttention(dim, heads));
    this.norm2 = addChildBlock("norm2", layerNorm());
    this.mlp = addChildBlock("mlp", new SequentialBlock()
        .add(SelfAttention.timmLinear(mlpHidden))
        .add(Activation::gelu)
        .add(SelfAttention.timmLinear(dim)));
  }

  /** LayerNorm over the last axis of B x T x dim (eps 1e-6, gamma 1, beta 0). */
  static LayerNorm layerNorm() {
    return LayerNorm.builder().axis(2).optEpsilon(LN_EPS).build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray a = attn.forward(ps, norm1.forward(ps, inputs, training), training).singletonOrThrow();
    x = x.add(a);
    NDArray m = mlp.forward(ps, norm2.forward(ps, new NDList(x), training), training).singletonOrThrow();
    return new NDList(x.add(m));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    norm1.initialize(manager, dataType, inputShapes);
    attn.initialize(manager, dataType, inputShapes);
    norm2.initialize(manager, dataType, inputShapes);
    mlp.initialize(manager, dataType, inputShapes);
  }

  /** Multiply-adds per image for T tokens: attention plus the two MLP layers. */
  static long macs(long tokens, int dim, int mlpHidden) {
    return SelfAttention.macs(tokens, dim) + 2L * tokens * dim * mlpHidden;
  }
}
