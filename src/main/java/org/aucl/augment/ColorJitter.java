package org.aucl.augment;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomApply([ColorJitter(brightness, contrast, saturation, hue)], p)}.
 *
 * <p>With probability {@code p}: factors are drawn as torchvision's {@code get_params} — brightness,
 * contrast and saturation uniform in {@code [max(0, 1 - x), 1 + x]}, hue uniform in {@code [-h, h]}
 * ({@code h <= 0.5}) — and the four adjustments are applied in a random order, each skipped when its
 * strength is 0:
 *
 * <ul>
 *   <li>brightness {@code f}: {@code clamp(f x, 0, 1)};
 *   <li>contrast {@code f}: {@code clamp(f x + (1 - f) m, 0, 1)}, {@code m} the mean luma of the image
 *       (mean of all values when not 3 channels);
 *   <li>saturation {@code f}: {@code clamp(f x + (1 - f) luma, 0, 1)} per pixel;
 *   <li>hue {@code d}: RGB to HSV, {@code h <- (h + d) mod 1}, back to RGB (torchvision's formulas).
 * </ul>
 *
 * Saturation and hue need colour: they are no-ops unless the image has 3 channels. Shape preserved;
 * works in place.
 */
public final class ColorJitter implements ViewTransform {
  private final float bLo;
  private final float bHi;
  private final float cLo;
  private final float cHi;
  private final float sLo;
  private final float sHi;
  private final float hue;
  private final double p;

  public ColorJitter(double brightness, double contrast, double saturation, double hue, double p) {
    Probability.nonNegative(brightness, "brightness jitter");
    Probability.nonNegative(contrast, "contrast jitter");
    Probability.nonNegative(saturation, "saturation jitter");
    if (!(hue >= 0 && hue <= 0.5)) {
      throw new IllegalArgumentException("hue jitter must be in [0, 0.5], got " + hue + ".");
    }
    this.p = Probability.check(p, "colour jitter probability");
    this.bLo = (float) Math.max(0, 1 - brightness);
    this.bHi = (float) (1 + brightness);
    this.cLo = (float) Math.max(0, 1 - contrast);
    this.cHi = (float) (1 + contrast);
    this.sLo = (float) Math.max(0, 1 - saturation);
    this.sHi = (float) (1 + saturation);
    this.hue = (float) hue;
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in;
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    ViewTransform.copyIfNeeded(src, dst, in.size());
    if (!(rng.nextDouble() < p)) {
      return;
    }
    int[] order = {0, 1, 2, 3};
    for (int i = 3; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    float fb = factor(rng, bLo, bHi);
    float fc = factor(rng, cLo, cHi);
    float fs = factor(rng, sLo, sHi);
    float fh = hue == 0 ? 0 : factor(rng, -hue, hue);
    for (int op : order) {
      switch (op) {
        case 0 -> {
          if (bLo != bHi) {
            brightness(dst, in, fb);
          }
        }
        case 1 -> {
          if (cLo != cHi) {
            contrast(dst, in, fc);
          }
        }
        case 2 -> {
          if (sLo != sHi && in.channels() == 3) {
            saturation(dst, in, fs, scratch.floats(this, 0, in.plane()));
          }
        }
        default -> {
          if (hue != 0 && in.channels() == 3) {
            hue(dst, in, fh);
          }
        }
      }
    }
  }

  private static float factor(SplittableRandom rng, float lo, float hi) {
    return lo == hi ? lo : (float) (lo + (hi - lo) * rng.nextDouble());
  }

  private static float clamp01(float x) {
    return x < 0f ? 0f : (x > 1f ? 1f : x);
  }

  /** {@code clamp(f x, 0, 1)} in place. */
  static void brightness(float[] img, ImageShape s, float f) {
    int len = s.size();
    for (int k = 0; k < len; k++) {
      img[k] = clamp01(f * img[k]);
    }
  }

  /** {@code clamp(f x + (1 - f) mean, 0, 1)} in place. */
  static void contrast(float[] img, ImageShape s, float f) {
    float add = (1f - f) * Luma.mean(img, s);
    int len = s.size();
    for (int k = 0; k < len; k++) {
      img[k] = clamp01(f * img[k] + add);
    }
  }

  /** {@code clamp(f x + (1 - f) luma, 0, 1)} in place, for a 3-channel image. */
  static void saturation(float[] img, ImageShape s, float f, float[] gray) {
    int n = s.plane();
    Luma.plane(img, n, gray);
    float g = 1f - f;
    for (int c = 0; c < 3; c++) {
      int off = c * n;
      for (int k = 0; k < n; k++) {
        img[off + k] = clamp01(f * img[off + k] + g * gray[k]);
      }
    }
  }

  /** Hue rotation by {@code d} (a fraction of the colour circle) in place, for a 3-channel image. */
  static void hue(float[] img, ImageShape s, float d) {
    int n = s.plane();
    for (int k = 0; k < n; k++) {
      float r = img[k];
      float g = img[n + k];
      float b = img[2 * n + k];
      // torchvision's _rgb2hsv
      float maxc = Math.max(r, Math.max(g, b));
      float minc = Math.min(r, Math.min(g, b));
      boolean eqc = maxc == minc;
      float cr = maxc - minc;
      float sat = cr / (eqc ? 1f : maxc);
      float inv = 1f / (eqc ? 1f : cr);
      float h;
      if (maxc == r) {
        h = (g - b) * inv; // bc - gc
      } else if (maxc == g) {
        h = 2f + (b - r) * inv; // 2 + rc - bc
      } else {
        h = 4f + (r - g) * inv; // 4 + gc - rc
      }
      h = h / 6f + 1f; // in [5/6, 11/6]: fmod(h, 1) is one subtraction
      if (h >= 1f) {
        h -= 1f;
      }
      // (h + d) mod 1 with Python's non-negative modulo; h + d lies in [-0.5, 1.5)
      h += d;
      if (h < 0f) {
        h += 1f;
      } else if (h >= 1f) {
        h -= 1f;
      }
      // torchvision's _hsv2rgb
      float h6 = h * 6f;
      int i = (int) h6; // h6 >= 0: truncation is floor
      float f = h6 - i;
      if (i >= 6) {
        i -= 6;
      }
      float v = maxc;
      float pp = clamp01(v * (1f - sat));
      float q = clamp01(v * (1f - sat * f));
      float t = clamp01(v * (1f - sat * (1f - f)));
      switch (i) {
        case 0 -> { r = v; g = t; b = pp; }
        case 1 -> { r = q; g = v; b = pp; }
        case 2 -> { r = pp; g = v; b = t; }
        case 3 -> { r = pp; g = q; b = v; }
        case 4 -> { r = t; g = pp; b = v; }
        default -> { r = v; g = pp; b = q; }
      }
      img[k] = r;
      img[n + k] = g;
      img[2 * n + k] = b;
    }
  }

  @Override
  public String toString() {
    return "ColorJitter(brightness=[" + bLo + ", " + bHi + "], contrast=[" + cLo + ", " + cHi
        + "], saturation=[" + sLo + ", " + sHi + "], hue=" + hue + ", p=" + p + ")";
  }
}
