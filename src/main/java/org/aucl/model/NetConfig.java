package org.aucl.model;

import java.util.Set;

/**
 * Shape of a {@link ContrastiveNet}: encoder architecture, stem, input channels, width multiplier,
 * projector sizes and the (square) image size the FLOP count refers to.
 *
 * @param arch {@code resnet18}, {@code resnet34} or {@code resnet50} (torchvision's block layout), or
 *     {@code vit-tiny} or {@code vit-small} ({@link VisionTransformer}; stem and width do not apply)
 * @param stem {@code cifar} (3x3 stride-1 conv, no max-pool; the authors' CIFAR network), {@code small} (3x3
 *     stride-1 conv and 3x3 stride-2 max-pool: half the resolution of {@code cifar} in layer 1, twice
 *     that of {@code imagenet}; ours, for 28 x 28 images on a CPU) or {@code imagenet} (7x7 stride-2
 *     conv and 3x3 stride-2 max-pool)
 * @param inChannels image channels (1 for Fashion-MNIST, 3 for CIFAR)
 * @param width channel multiplier: stage widths are round(64 w), round(128 w), round(256 w),
 *     round(512 w); 0.25 gives 16-32-64-128 for resnet18
 * @param projHidden hidden size of the projector ({@link #DEFAULT_PROJ_HIDDEN} by default)
 * @param projOut output size of the projector ({@link #DEFAULT_PROJ_OUT} by default)
 * @param imageSize height and width of the input images
 * @param patchSize side of a ViT's square patches (used by ViTs only; at most {@code imageSize}); 0,
 *     as read from a configuration written before ViTs existed, means {@link #DEFAULT_PATCH}
 */
public record NetConfig(
    String arch, String stem, int inChannels, double width, int projHidden, int projOut, int imageSize,
    int patchSize) {

  /** The largest projector layer. */
  public static final int MAX_PROJECTOR = 65536;

  /** The largest image side a network takes. */
  public static final int MAX_IMAGE_SIZE = 4096;

  /** Architectures this package builds. */
  public static final Set<String> ARCHS = Set.of("resnet18", "resnet34", "resnet50", "vit-tiny", "vit-small");

  /** The patch size of the standard ViT-S/16 and ViT-Ti/16, used when none is given. */
  public static final int DEFAULT_PATCH = 16;

  /** Stems this package builds. */
  public static final Set<String> STEMS = Set.of("cifar", "small", "imagenet");

  public NetConfig {
    if (arch == null || !ARCHS.contains(arch)) {
      throw new IllegalArgumentException("Unknown model '" + arch + "': expected one of resnet18, resnet34, resnet50, vit-tiny, vit-small.");
    }
    if (stem == null || !STEMS.contains(stem)) {
      throw new IllegalArgumentException("Unknown stem '" + stem + "': expected cifar, small or imagenet.");
    }
    if (inChannels < 1) {
      throw new IllegalArgumentException("Input channels must be at least 1, got " + inChannels + ".");
    }
    if (!(width > 0) || width > 16) {
      throw new IllegalArgumentException("Width multiplier must be in (0, 16], got " + width + ".");
    }
    if (!isVitArch(arch) && Math.round(64 * width) < 1) {
      throw new IllegalArgumentException(
          "Width multiplier " + width + " gives the first stage no channels; use at least 1/128.");
    }
    if (projHidden < 1 || projOut < 1 || projHidden > MAX_PROJECTOR || projOut > MAX_PROJECTOR) {
      throw new IllegalArgumentException("Projector sizes must be between 1 and " + MAX_PROJECTOR + ", got " + projHidden
          + " and " + projOut + ".");
    }
    if (imageSize < 8 || imageSize > MAX_IMAGE_SIZE) {
      throw new IllegalArgumentException("Image size must be between 8 and " + MAX_IMAGE_SIZE + " pixels, got " + imageSize + ".");
    }
    if (patchSize == 0) {
      patchSize = DEFAULT_PATCH;
    }
    if (patchSize < 1 || (isVitArch(arch) && patchSize > imageSize)) {
      throw new IllegalArgumentException(
          "Patch size must be between 1 and the image size (" + imageSize + "), got " + patchSize + ".");
    }
  }

  /** A configuration with the default patch size (what every ResNet configuration uses). */
  public NetConfig(String arch, String stem, int inChannels, double width, int projHidden, int projOut, int imageSize) {
    this(arch, stem, inChannels, width, projHidden, projOut, imageSize, DEFAULT_PATCH);
  }

  /** True for the Vision Transformers ({@code vit-…}); static so that JSON does not see a property. */
  public static boolean isVitArch(String arch) {
    return arch.startsWith("vit-");
  }

  /** Projector hidden size of the authors' CIFAR recipe and of every aucl default. */
  public static final int DEFAULT_PROJ_HIDDEN = 512;

  /** Projector output size of the authors' CIFAR recipe and of every aucl default. */
  public static final int DEFAULT_PROJ_OUT = 128;

  /** The authors' CIFAR network (docs/MODELS.md): CIFAR stem, full width, the default projector. */
  public static NetConfig of(String arch, int inChannels, int imageSize) {
    return new NetConfig(arch, "cifar", inChannels, 1.0, DEFAULT_PROJ_HIDDEN, DEFAULT_PROJ_OUT, imageSize);
  }

  /** A builder of the default job's network (ResNet-18, small stem, width 1/4, projector 512 / 128). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration. */
  public Builder toBuilder() {
    return new Builder().optArch(arch).optStem(stem).optWidth(width).optProjector(projHidden, projOut)
        .optPatchSize(patchSize).setInChannels(inChannels).setImageSize(imageSize);
  }

  /**
   * Builds {@link NetConfig}. The input channels and image size are required: a run takes them from its
   * dataset unless it sets them ({@link #hasInput()} tells).
   */
  public static final class Builder {
    public static final String DEFAULT_ARCH = "resnet18";
    public static final String DEFAULT_STEM = "small";
    public static final double DEFAULT_WIDTH = 0.25;

    private String arch = DEFAULT_ARCH;
    private String stem = DEFAULT_STEM;
    private double width = DEFAULT_WIDTH;
    private int projHidden = DEFAULT_PROJ_HIDDEN;
    private int projOut = DEFAULT_PROJ_OUT;
    private int patchSize = DEFAULT_PATCH;
    private int inChannels;
    private int imageSize;

    private Builder() {}

    public Builder optArch(String a) {
      this.arch = a;
      return this;
    }

    public Builder optStem(String s) {
      this.stem = s;
      return this;
    }

    public Builder optWidth(double w) {
      this.width = w;
      return this;
    }

    public Builder optProjector(int hidden, int out) {
      this.projHidden = hidden;
      this.projOut = out;
      return this;
    }

    public Builder optPatchSize(int p) {
      this.patchSize = p;
      return this;
    }

    public Builder setInChannels(int c) {
      this.inChannels = c;
      return this;
    }

    public Builder setImageSize(int side) {
      this.imageSize = side;
      return this;
    }

    /** True once both the channels and the image size are set. */
    public boolean hasInput() {
      return inChannels > 0 && imageSize > 0;
    }

    public String arch() {
      return arch;
    }

    public int imageSize() {
      return imageSize;
    }

    public int patchSize() {
      return patchSize;
    }

    public int projHidden() {
      return projHidden;
    }

    public int projOut() {
      return projOut;
    }

    public NetConfig build() {
      if (!hasInput()) {
        throw new IllegalArgumentException("The network needs its input channels and image size.");
      }
      return new NetConfig(arch, stem, inChannels, width, projHidden, projOut, imageSize, patchSize);
    }

    /** The network for inputs of {@code channels} x {@code side} x {@code side}; this builder is unchanged. */
    public NetConfig build(int channels, int side) {
      return new NetConfig(arch, stem, channels, width, projHidden, projOut, side, patchSize);
    }
  }
}
