package org.aucl.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Transforms applied one after another (torchvision's {@code Compose}); itself a {@link ViewTransform}.
 *
 * <p>Works in two scratch buffers: shape-preserving steps run in place, a step that changes the shape
 * writes into the other buffer; the result is copied into {@code dst}. The caller's {@code src} is
 * never written.
 */
public final class ViewPipeline implements ViewTransform {
  private final List<ViewTransform> steps;

  public ViewPipeline(List<ViewTransform> steps) {
    this.steps = List.copyOf(steps);
  }

  public static ViewPipeline of(ViewTransform... steps) {
    return new ViewPipeline(List.of(steps));
  }

  @Override
  public ImageShape outputShape(ImageShape in) {
    ImageShape s = in;
    for (ViewTransform t : steps) {
      s = t.outputShape(s);
    }
    return s;
  }

  @Override
  public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
    int maxLen = in.size();
    ImageShape s = in;
    for (ViewTransform t : steps) {
      s = t.outputShape(s);
      maxLen = Math.max(maxLen, s.size());
    }
    float[] a = scratch.floats(this, 0, maxLen);
    float[] b = scratch.floats(this, 1, maxLen);
    float[] cur = src;
    s = in;
    for (ViewTransform t : steps) {
      ImageShape out = t.outputShape(s);
      float[] target;
      if (cur == src) {
        target = a;
      } else if (out.equals(s)) {
        target = cur;
      } else {
        target = cur == a ? b : a;
      }
      t.apply(cur, s, target, rng, scratch);
      cur = target;
      s = out;
    }
    System.arraycopy(cur, 0, dst, 0, s.size());
  }

  @Override
  public String toString() {
    return "ViewPipeline" + steps;
  }
}
