package org.aucl.model;

import java.util.Locale;

/**
 * One convolution as aucl's encoders use it, for {@link KernelCheck}: a bias-free {@code kernel x kernel}
 * convolution (with a bias if {@code bias}) applied to a batch of {@code batch} inputs of
 * {@code inChannels x height x width}.
 *
 * @param role what the convolution is ({@code stem}, {@code body}, {@code down}, {@code shortcut} in a
 *     ResNet, {@code patch} in a ViT); a {@code stem} or {@code patch} reads the images, whose gradient
 *     no training step needs
 */
public record ConvCase(
    String role, int inChannels, int outChannels, int kernel, int stride, int padding, int height, int width,
    int batch, boolean bias) {

  public ConvCase {
    if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0 || batch < 1
        || Math.min(height, width) + 2 * padding < kernel) {
      throw new IllegalArgumentException("Impossible convolution case " + role + ": " + inChannels + " -> "
          + outChannels + ", kernel " + kernel + ", stride " + stride + ", input " + height + " x " + width
          + ", batch " + batch + ".");
    }
  }

  /** A bias-free case on square inputs. */
  public ConvCase(String role, int inChannels, int outChannels, int kernel, int stride, int padding, int size, int batch) {
    this(role, inChannels, outChannels, kernel, stride, padding, size, size, batch, false);
  }

  /** Height x width of the output. */
  public int outHeight() {
    return (height + 2 * padding - kernel) / stride + 1;
  }

  public int outWidth() {
    return (width + 2 * padding - kernel) / stride + 1;
  }

  /** A ResNet's convolution: padding {@code kernel / 2}. */
  public static ConvCase resnet(String role, int in, int out, int kernel, int stride, int imageSize, int batch) {
    return new ConvCase(role, in, out, kernel, stride, kernel / 2, imageSize, batch);
  }

  /** True when a training step needs this case's input gradient (every convolution but those reading images). */
  public boolean inputGradientUsed() {
    return !role.equals("stem") && !role.equals("patch");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %d->%d %dx%d/%d", role, inChannels, outChannels, kernel, kernel, stride);
  }

  /** What a user reads: "the 256->512 1x1/2 convolution on 6 x 6 inputs, batch 16". */
  public String describe() {
    return String.format(Locale.ROOT, "the %d->%d %dx%d/%d convolution%s on %d x %d inputs, batch %d",
        inChannels, outChannels, kernel, kernel, stride, bias ? " with bias" : "", height, width, batch);
  }
}
