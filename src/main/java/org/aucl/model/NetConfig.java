package org.aucl.model;

import java.util.Set;

/**
 * Shape of a {@link ContrastiveNet}: encoder architecture, stem, input channels, width multiplier,
 * projector sizes and the (square) image size the FLOP count refers to.
 *
 * @param arch {@code resnet18}, {@code resnet34} or {@code resnet50} (torchvision's block layout)
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
 */
public record NetConfig(
    String arch, String stem, int inChannels, double width, int projHidden, int projOut, int imageSize) {

  /** Architectures this package builds. */
  public static final Set<String> ARCHS = Set.of("resnet18", "resnet34", "resnet50");

  /** Stems this package builds. */
  public static final Set<String> STEMS = Set.of("cifar", "small", "imagenet");

  public NetConfig {
    if (arch == null || !ARCHS.contains(arch)) {
      throw new IllegalArgumentException("Unknown model '" + arch + "': expected one of resnet18, resnet34, resnet50.");
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
    if (projHidden < 1 || projOut < 1) {
      throw new IllegalArgumentException("Projector sizes must be positive, got " + projHidden + " and " + projOut + ".");
    }
    if (imageSize < 8) {
      throw new IllegalArgumentException("Image size must be at least 8 pixels, got " + imageSize + ".");
    }
  }

  /** Projector hidden size of the authors' CIFAR recipe and of every aucl default. */
  public static final int DEFAULT_PROJ_HIDDEN = 512;

  /** Projector output size of the authors' CIFAR recipe and of every aucl default. */
  public static final int DEFAULT_PROJ_OUT = 128;

  /** The authors' CIFAR network (docs/MODELS.md): CIFAR stem, full width, the default projector. */
  public static NetConfig of(String arch, int inChannels, int imageSize) {
    return new NetConfig(arch, "cifar", inChannels, 1.0, DEFAULT_PROJ_HIDDEN, DEFAULT_PROJ_OUT, imageSize);
  }
}
