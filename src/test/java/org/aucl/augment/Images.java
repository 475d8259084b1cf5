package org.aucl.augment;

import java.util.SplittableRandom;

/** Test helpers for plain float images. */
final class Images {
  private Images() {}

  static float[] random(ImageShape s, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] img = new float[s.size()];
    for (int k = 0; k < img.length; k++) {
      img[k] = r.nextFloat();
    }
    return img;
  }

  static float[] apply(ViewTransform t, float[] src, ImageShape in, long seed) {
    float[] dst = new float[t.outputShape(in).size()];
    t.apply(src.clone(), in, dst, new SplittableRandom(seed), new Scratch());
    return dst;
  }

  static void assertInUnitRange(float[] img) {
    for (float v : img) {
      if (!(v >= 0f && v <= 1f)) {
        throw new AssertionError("value out of [0, 1]: " + v);
      }
    }
  }
}
