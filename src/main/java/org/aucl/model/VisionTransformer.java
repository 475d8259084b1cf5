package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A Vision Transformer (Dosovitskiy et al. 2021) laid out as timm's and DINO's {@code
 * VisionTransformer} without a classifier: patch embedding (a conv with kernel = stride = patch, with
 * bias), a learned class token, learned position embeddings for the class token and every patch of the
 * built image size, {@code depth} pre-norm {@link TransformerBlock}s, a final LayerNorm (eps 1e-6); the
 * output is the class token.
 *
 * <p>Input B x C x H x W (any H, W >= patch; pixels beyond a whole number of patches are dropped, as
 * a strided conv does); output B x dim. For another grid than the built one (a local crop), the patch
 * position embeddings are resampled bicubically ({@link PositionInterpolation}); the class token's
 * embedding is kept.
 *
 * <p>Initialisation as DINO: class token, position embeddings and linear weights ~ N(0, 0.02^2)
 * truncated at +-2 ({@link TimmInit}), zero linear biases, LayerNorm 1 and 0, and the patch conv
 * PyTorch's default U(+-1/sqrt(C p^2)) for weight and bias.
 */
public final class VisionTransformer extends AbstractBlock {
  private final int dim;
  private final int patch;
  private final int grid;
  private final int imageSize;
  private final int mlpHidden;
  private final int depth;
  private final int heads;
  private final Conv2d patchEmbed;
  private final SequentialBlock blocks;
  private final LayerNorm norm;
  private final Parameter clsToken;
  private final Parameter posEmbed;

  private VisionTransformer(Builder b) {
    this.dim = b.dim;
    this.patch = b.patch;
    this.imageSize = b.imageSize;
    this.grid = b.imageSize / b.patch;
    this.depth = b.depth;
    this.heads = b.heads;
    this.mlpHidden = (int) Math.round(b.dim * b.mlpRatio);
    long fanIn = (long) b.inChannels * b.patch * b.patch;
    this.patchEmbed = addChildBlock("patch_embed", Conv2d.of(ai.djl.nn.convolutional.Conv2d.builder()
        .setKernelShape(new Shape(b.patch, b.patch))
        .optStride(new Shape(b.patch, b.patch))
        .setFilters(b.dim)
        .optBias(true)));
    patchEmbed.setInitializer(TorchInit.linearUniform(fanIn), Parameter.Type.WEIGHT);
    patchEmbed.setInitializer(TorchInit.linearUniform(fanIn), Parameter.Type.BIAS);
    this.blocks = addChildBlock("blocks", new SequentialBlock());
    for (int i = 0; i < b.depth; i++) {
      blocks.add(new TransformerBlock(b.dim, b.heads, mlpHidden));
    }
    this.norm = addChildBlock("norm", TransformerBlock.layerNorm());
    this.clsToken = addParameter(embedding("cls_token", new Shape(1, 1, b.dim)));
    this.posEmbed = addParameter(embedding("pos_embed", new Shape(1, 1 + (long) grid * grid, b.dim)));
  }

  private static Parameter embedding(String name, Shape shape) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.WEIGHT)
        .optShape(shape)
        .optInitializer(TimmInit.truncNormal(TimmInit.STD))
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** ViT-tiny: dim 192, depth 12, 3 heads. */
  public static Builder tiny() {
    return builder().setDim(192).setDepth(12).setHeads(3);
  }

  /** ViT-small: dim 384, depth 12, 6 heads. */
  public static Builder small() {
    return builder().setDim(384).setDepth(12).setHeads(6);
  }

  private static Builder of(String arch) {
    return switch (arch) {
      case "vit-tiny" -> tiny();
      case "vit-small" -> small();
      default -> throw new IllegalArgumentException("'" + arch + "' is not a Vision Transformer.");
    };
  }

  /** The embedding width of {@code vit-tiny} or {@code vit-small} (the patch embedding's channels). */
  static int dimOf(String arch) {
    return of(arch).dim;
  }

  /** The encoder of a {@code vit-tiny} or {@code vit-small} {@link NetConfig}. */
  public static Encoder encoder(NetConfig cfg) {
    Builder b = of(cfg.arch());
    VisionTransformer vit = b.optPatchSize(cfg.patchSize()).optImageSize(cfg.imageSize())
        .optInChannels(cfg.inChannels()).build();
    long tokens = (long) vit.grid * vit.grid + 1;
    long params = (long) vit.dim * cfg.inChannels() * vit.patch * vit.patch + tokens * vit.dim
        + vit.depth * (4L * vit.dim * vit.dim + 2L * vit.dim * vit.mlpHidden);
    long activations = vit.depth * tokens * (6L * vit.dim + vit.mlpHidden + (long) vit.heads * tokens);
    return new Encoder(vit, vit.dim, vit.macsPerImage(cfg.inChannels()), params, activations);
  }

  public int dim() {
    return dim;
  }

  /** Patches per side at the built image size. */
  public int grid() {
    return grid;
  }

  /** Forward multiply-adds per image at the built size: patch conv, blocks (attention included). */
  public long macsPerImage(int inChannels) {
    long patches = (long) grid * grid;
    long embed = patches * dim * (long) inChannels * patch * patch;
    return embed + depth * TransformerBlock.macs(patches + 1, dim, mlpHidden);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray img = inputs.singletonOrThrow();
    NDArray x = patchEmbed.forward(ps, inputs, training).singletonOrThrow();
    long b = x.getShape().get(0);
    int h = (int) x.getShape().get(2);
    int w = (int) x.getShape().get(3);
    x = x.reshape(b, dim, (long) h * w).transpose(0, 2, 1);
    NDArray cls = ps.getValue(clsToken, img.getDevice(), training).broadcast(new Shape(b, 1, dim));
    x = NDArrays.concat(new NDList(cls, x), 1);
    x = x.add(positions(ps.getValue(posEmbed, img.getDevice(), training), h, w));
    x = blocks.forward(ps, new NDList(x), training).singletonOrThrow();
    x = norm.forward(ps, new NDList(x), training).singletonOrThrow();
    return new NDList(x.get(":, 0, :"));
  }

  /** The position embeddings for an h x w patch grid: 1 x (1 + h w) x dim. */
  private NDArray positions(NDArray pos, int h, int w) {
    if (h == grid && w == grid) {
      return pos;
    }
    NDArray patches = pos.get(":, 1:, :").reshape((long) grid * grid, dim);
    NDArray m = pos.getManager().create(
        PositionInterpolation.matrix(h, w, grid, grid), new Shape((long) h * w, (long) grid * grid));
    NDArray resampled = m.matMul(patches).reshape(1, (long) h * w, dim);
    return NDArrays.concat(new NDList(pos.get(":, :1, :"), resampled), 1);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), dim)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    patchEmbed.initialize(manager, dataType, inputShapes[0]);
    Shape tokens = new Shape(inputShapes[0].get(0), 1 + (long) grid * grid, dim);
    blocks.initialize(manager, dataType, tokens);
    norm.initialize(manager, dataType, tokens);
  }

  @Override
  public String toString() {
    return "VisionTransformer(dim=" + dim + ", depth=" + depth + ", patch=" + patch + ", image=" + imageSize + ")";
  }

  /** Builder: {@code setDim}, {@code setDepth}, {@code setHeads} required; patch 16, image 224, 3 channels, MLP ratio 4 by default. */
  public static final class Builder {
    private int dim;
    private int depth;
    private int heads;
    private int patch = 16;
    private int imageSize = 224;
    private int inChannels = 3;
    private double mlpRatio = 4.0;

    private Builder() {}

    public Builder setDim(int dim) {
      this.dim = dim;
      return this;
    }

    public Builder setDepth(int depth) {
      this.depth = depth;
      return this;
    }

    public Builder setHeads(int heads) {
      this.heads = heads;
      return this;
    }

    public Builder optPatchSize(int patch) {
      this.patch = patch;
      return this;
    }

    /** The image side the position embeddings are made for (other sizes are interpolated). */
    public Builder optImageSize(int imageSize) {
      this.imageSize = imageSize;
      return this;
    }

    public Builder optInChannels(int inChannels) {
      this.inChannels = inChannels;
      return this;
    }

    public Builder optMlpRatio(double mlpRatio) {
      this.mlpRatio = mlpRatio;
      return this;
    }

    public VisionTransformer build() {
      if (dim < 1 || depth < 1 || heads < 1 || dim % heads != 0) {
        throw new IllegalArgumentException("A ViT needs dim, depth and heads >= 1 with dim a multiple of heads, got dim "
            + dim + ", depth " + depth + ", heads " + heads + ".");
      }
      if (patch < 1 || imageSize < patch) {
        throw new IllegalArgumentException(
            "The patch size must be in [1, image size], got patch " + patch + " for images of " + imageSize + " px.");
      }
      if (inChannels < 1) {
        throw new IllegalArgumentException("Input channels must be at least 1, got " + inChannels + ".");
      }
      if (!(mlpRatio > 0)) {
        throw new IllegalArgumentException("The MLP ratio must be positive, got " + mlpRatio + ".");
      }
      return new VisionTransformer(this);
    }
  }
}
