package org.aucl.model;

import java.util.Locale;

/**
 * One convolution as aucl's encoders use it, for {@link KernelCheck}: a bias-free {@code kernel x kernel}
 * convolution applied to a batch of {@code batch} images of {@code inChannels x imageSize x imageSize}.
 *
 * @param role what the convolution is ({@code stem}, {@code body}, {@code down}, {@code shortcut} in a
 *     ResNet, {@code patch} in a ViT); a {@code stem} or {@code patch} reads the images, whose gradient
 *     no training step needs
 */
public record ConvCase(
    String role, int inChannels, int outChannels, int kernel, int stride, int padding, int imageSize, int batch) {

  public ConvCase {
    if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0 || batch < 1
        || imageSize + 2 * padding < kernel) {
      throw new IllegalArgumentException("Impossible convolution case " + role + ": " + inChannels + " -> "
          + outChannels + ", kernel " + kernel + ", stride " + stride + ", image " + imageSize + ", batch " + batch + ".");
    }
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
}
