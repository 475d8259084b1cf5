package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomApply([GaussianBlur(kernelSize, sigma=(sigmaMin, sigmaMax))], p)}.
 *
 * <p>With probability {@code p}: {@code sigma ~ U(sigmaMin, sigmaMax)}; the 1-D kernel is
 * {@code exp(-x^2 / (2 sigma^2))} at {@code x = -(k-1)/2 .. (k-1)/2}, normalised to sum 1, applied along
 * rows then columns (separable, as torchvision's 2-D kernel is the outer product) with reflect padding
 * (the edge pixel not repeated: index -1 reads 1). Shape preserved; works in place.
 */
public final class GaussianBlur implements ViewTransform {
  private final int kernelSize;
  private final double sigmaMin;
  private final double sigmaMax;
  private final double p;

  public GaussianBlur(int kernelSize, double sigmaMin, double sigmaMax, double p) {
    if (kernelSize <= 0 || kernelSize % 2 == 0) {
      throw new IllegalArgumentException("blur kernel size must be a positive odd number, got " + kernelSize + ".");
    }
    if (!(sigmaMin > 0 && sigmaMin <= sigmaMax)) {
      throw new IllegalArgumentException(
          "blur sigma range must satisfy 0 < min <= max, got (" + sigmaMin + ", " + sigmaMax + ").");
    }
    this.kernelSize = kernelSize;
    this.sigmaMin = sigmaMin;
    this.sigmaMax = sigmaMax;
    this.p = Probability.check(p, "blur probability");
  }

  /** The odd kernel size nearest to 10% of {@code size} (SimCLR's choice), at least 3. */
  public static int kernelSizeFor(int size) {
    int k = (int) Math.round(size * 0.1);
    if (k % 2 == 0) {
      k += 1;
    }
    return Math.max(3, k);
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in;
  }

  /** torchvision's {@code _get_gaussian_kernel1d}. */
  static void kernel(int k, double sigma, float[] out) {
    double half = (k - 1) * 0.5;
    double sum = 0;
    for (int i = 0; i < k; i++) {
      double x = (-half + i) / sigma;
      sum += StrictMath.exp(-0.5 * x * x);
    }
    for (int i = 0; i < k; i++) {
      double x = (-half + i) / sigma;
      out[i] = (float) (StrictMath.exp(-0.5 * x * x) / sum);
    }
  }

  /** Reflect-pads index {@code i} into {@code [0, n)} (mirror without repeating the edge). */
  static int reflect(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    if (!(rng.nextDouble() < p)) {
      ViewTransform.copyIfNeeded(src, dst, in.size());
      return;
    }
    double sigma = RandomResizedCrop.uniform(rng, sigmaMin, sigmaMax);
    int k = kernelSize;
    int half = k / 2;
    int h = in.height();
    int w = in.width();
    float[] kern = scratch.floats(this, 0, k);
    kernel(k, sigma, kern);
    float[] tmp = scratch.floats(this, 1, in.size());
    int plane = in.plane();
    for (int c = 0; c < in.channels(); c++) {
      int base = c * plane;
      // Rows: the interior tap by tap over whole rows (the JIT vectorises it; each sum still adds its
      // taps in order 0..k-1, so the result is the same to the bit), the reflected edges pixel by pixel.
      int lo = Math.min(half, w);
      int hi = Math.max(lo, w - half);
      for (int y = 0; y < h; y++) {
        int row = base + y * w;
        for (int x = lo; x < hi; x++) {
          tmp[row + x] = 0f;
        }
        for (int t = 0; t < k; t++) {
          float kt = kern[t];
          int off = row + t - half;
          for (int x = lo; x < hi; x++) {
            tmp[row + x] += kt * src[off + x];
          }
        }
        for (int x = 0; x < w; x++) {
          if (x == lo) {
            x = hi;
            if (x >= w) {
              break;
            }
          }
          float acc = 0f;
          for (int t = 0; t < k; t++) {
            acc += kern[t] * src[row + reflect(x + t - half, w)];
          }
          tmp[row + x] = acc;
        }
      }
      for (int y = 0; y < h; y++) {
        int row = base + y * w;
        boolean inside = y >= half && y + half < h;
        for (int x = 0; x < w; x++) {
          dst[row + x] = 0f;
        }
        for (int t = 0; t < k; t++) {
          int yy = inside ? y + t - half : reflect(y + t - half, h);
          int srcRow = base + yy * w;
          float kt = kern[t];
          for (int x = 0; x < w; x++) {
            dst[row + x] += kt * tmp[srcRow + x];
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return "GaussianBlur(kernel=" + kernelSize + ", sigma=(" + sigmaMin + ", " + sigmaMax + "), p=" + p + ")";
  }
}
