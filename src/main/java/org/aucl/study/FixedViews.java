package org.aucl.study;

import java.util.SplittableRandom;
import org.aucl.augment.ImageShape;
import org.aucl.augment.Scratch;
import org.aucl.augment.Seeds;
import org.aucl.augment.ViewTransform;
import org.aucl.data.ImageDataset;

/**
 * A pool of N images with two augmented views each, drawn once: view v of image i comes from a
 * generator seeded by (seed, i, v), so the pool is a fixed input and every gradient of the study is
 * taken on the same pixels.
 *
 * <p>Rows 0..N-1 of {@link #images()} are view 1, rows N..2N-1 view 2 (image i's views are rows i and
 * N + i), each C x H x W float32; the layout of the objectives' 2N views.
 */
public final class FixedViews {
  /** The stream of the pool's generators, apart from the loaders' streams. */
  private static final long STREAM = 0x6772616442L;

  private final float[] images;
  private final int pool;
  private final ImageShape shape;

  private FixedViews(float[] images, int pool, ImageShape shape) {
    this.images = images;
    this.pool = pool;
    this.shape = shape;
  }

  /**
   * The first {@code dataset.size()} images of {@code dataset} (all of them: give a subset for fewer),
   * each through {@code view1} and {@code view2}.
   *
   * @param in the dataset's image shape
   */
  public static FixedViews draw(ImageDataset dataset, ImageShape in, ViewTransform view1, ViewTransform view2, long seed) {
    ImageShape out = view1.outputShape(in);
    if (!view2.outputShape(in).equals(out)) {
      throw new IllegalArgumentException("The two views have different shapes: " + out + " and " + view2.outputShape(in) + ".");
    }
    int n = dataset.size();
    float[] images = new float[Math.multiplyExact(2 * n, out.size())];
    float[] src = new float[in.size()];
    float[] dst = new float[out.size()];
    Scratch scratch = new Scratch();
    ViewTransform[] views = {view1, view2};
    for (int i = 0; i < n; i++) {
      dataset.image(i, src);
      for (int v = 0; v < 2; v++) {
        SplittableRandom rng = Seeds.random(seed, STREAM, i, v);
        views[v].apply(src, in, dst, rng, scratch);
        System.arraycopy(dst, 0, images, (v * n + i) * out.size(), out.size());
      }
    }
    return new FixedViews(images, n, out);
  }

  /** Views given directly: {@code images} holds 2 x {@code pool} images of {@code shape} (for tests). */
  public static FixedViews of(float[] images, int pool, ImageShape shape) {
    if (images.length != 2L * pool * shape.size()) {
      throw new IllegalArgumentException("Expected " + 2L * pool * shape.size() + " floats, got " + images.length + ".");
    }
    return new FixedViews(images.clone(), pool, shape);
  }

  /** N, the images of the pool (there are 2N views). */
  public int pool() {
    return pool;
  }

  /** The shape of one view. */
  public ImageShape shape() {
    return shape;
  }

  /** The 2N views, view 1 of every image first; not copied. */
  float[] images() {
    return images;
  }
}
