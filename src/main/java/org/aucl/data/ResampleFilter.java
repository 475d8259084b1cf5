package org.aucl.data;

/**
 * The interpolation kernels of {@link Antialiased}, as PIL and PyTorch's {@code antialias=True} define
 * them: a kernel of half-width {@link #support()} in source pixels, widened by the downscale factor when
 * shrinking.
 */
public enum ResampleFilter {
  /** The triangle {@code max(0, 1 - |x|)}: bilinear interpolation (PIL's BILINEAR, torchvision's default). */
  BILINEAR(1.0) {
    @Override
    public double weight(double x) {
      double a = Math.abs(x);
      return a < 1.0 ? 1.0 - a : 0.0;
    }
  },
  /** Keys' cubic with {@code a = -0.5} (PIL's BICUBIC and PyTorch's antialiased bicubic). */
  BICUBIC(2.0) {
    @Override
    public double weight(double x) {
      final double a = -0.5;
      double t = Math.abs(x);
      if (t < 1.0) {
        return ((a + 2.0) * t - (a + 3.0)) * t * t + 1.0;
      }
      if (t < 2.0) {
        return (((t - 5.0) * t + 8.0) * t - 4.0) * a;
      }
      return 0.0;
    }
  };

  private final double support;

  ResampleFilter(double support) {
    this.support = support;
  }

  /** Half-width of the kernel at scale 1, in source pixels. */
  public double support() {
    return support;
  }

  /** The kernel at distance {@code x} (in source pixels at scale 1). */
  public abstract double weight(double x);
}
