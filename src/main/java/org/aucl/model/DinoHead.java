package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DINO's projection head (Caron et al. 2021), as used by the authors' teacher-student AUC-CL: an MLP
 * in -> hidden -> ... -> bottleneck with GELU between layers and no BatchNorm, an L2 normalisation of
 * the bottleneck (norm guarded by 1e-12, as {@code F.normalize}), and a {@link WeightNormLinear} last
 * layer bottleneck -> out whose norm {@code g} is trained ({@code norm_last_layer = False}).
 *
 * <p>Defaults are DINO's: hidden 2048, bottleneck 256, out 65,536, 3 MLP layers. Linear layers of the
 * MLP are initialised as timm (trunc normal 0.02, zero bias).
 *
 * <p>Input B x in; output B x out (logits, not normalised; the loss divides them by a temperature).
 * The last layer's parameter names contain {@value #LAST_LAYER}, so that a trainer can skip them
 * during the first epoch ({@link #isLastLayer(String)}).
 */
public final class DinoHead extends AbstractBlock {
  /** The child name of the weight-normalised last layer. */
  public static final String LAST_LAYER = "last_layer";
  private static final double NORM_EPS = 1e-12;

  private final SequentialBlock mlp;
  private final WeightNormLinear lastLayer;
  private final int outDim;
  private final int bottleneck;

  private DinoHead(Builder b) {
    this.outDim = b.outDim;
    this.bottleneck = b.bottleneck;
    this.mlp = addChildBlock("mlp", new SequentialBlock());
    for (int i = 0; i < b.layers - 1; i++) {
      mlp.add(SelfAttention.timmLinear(b.hidden)).add(Activation::gelu);
    }
    mlp.add(SelfAttention.timmLinear(b.bottleneck));
    this.lastLayer = addChildBlock(LAST_LAYER, new WeightNormLinear(b.outDim));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True for the parameters of the weight-normalised last layer (frozen during DINO's first epoch). */
  public static boolean isLastLayer(String parameterName) {
    return parameterName.contains(LAST_LAYER);
  }

  public int outDim() {
    return outDim;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray z = mlp.forward(ps, inputs, training).singletonOrThrow().normalize(2, 1, NORM_EPS);
    return lastLayer.forward(ps, new NDList(z), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), outDim)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    mlp.initialize(manager, dataType, inputShapes);
    lastLayer.initialize(manager, dataType, new Shape(inputShapes[0].get(0), bottleneck));
  }

  /** Builder; defaults hidden 2048, bottleneck 256, out 65,536, 3 layers (DINO's). */
  public static final class Builder {
    private int hidden = 2048;
    private int bottleneck = 256;
    private int outDim = 65_536;
    private int layers = 3;

    private Builder() {}

    public Builder optHidden(int hidden) {
      this.hidden = hidden;
      return this;
    }

    public Builder optBottleneck(int bottleneck) {
      this.bottleneck = bottleneck;
      return this;
    }

    /** K, the number of output logits (prototypes). */
    public Builder optOutDim(int outDim) {
      this.outDim = outDim;
      return this;
    }

    /** Linear layers of the MLP before the last layer (DINO's nlayers), at least 1. */
    public Builder optLayers(int layers) {
      this.layers = layers;
      return this;
    }

    public DinoHead build() {
      if (hidden < 1 || bottleneck < 1 || outDim < 1) {
        throw new IllegalArgumentException("DINO head sizes must be positive, got hidden " + hidden + ", bottleneck "
            + bottleneck + ", out " + outDim + ".");
      }
      if (layers < 1) {
        throw new IllegalArgumentException("The DINO head needs at least 1 MLP layer, got " + layers + ".");
      }
      return new DinoHead(this);
    }
  }
}
