package org.aucl.augment;

/**
 * ITU-R 601-2 luma {@code L = 0.299 R + 0.587 G + 0.114 B} (PIL's {@code convert("L")}, which
 * torchvision uses for PIL images; its tensor path uses 0.2989 for red). Defined for 3-channel images.
 */
final class Luma {
  static final float R = 0.299f;
  static final float G = 0.587f;
  static final float B = 0.114f;

  private Luma() {}

  /** Writes the luma plane of a 3-channel image {@code img} (plane size {@code n}) into {@code gray}. */
  static void plane(float[] img, int n, float[] gray) {
    for (int k = 0; k < n; k++) {
      gray[k] = R * img[k] + G * img[n + k] + B * img[2 * n + k];
    }
  }

  /** Mean luma of a 3-channel image, or the mean of all values for any other channel count. */
  static float mean(float[] img, ImageShape s) {
    int n = s.plane();
    double sum = 0;
    if (s.channels() == 3) {
      for (int k = 0; k < n; k++) {
        sum += R * img[k] + G * img[n + k] + B * img[2 * n + k];
      }
      return (float) (sum / n);
    }
    int len = s.size();
    for (int k = 0; k < len; k++) {
      sum += img[k];
    }
    return (float) (sum / len);
  }
}
