package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.aucl.data.ImageDataset;
import org.junit.jupiter.api.Test;

/** Loaders over images of their own shapes (a folder of photos at their aspect ratios). */
class VaryingShapesTest {

  /** Image i is {@code 3 x (20 + 7i) x (40 - 5i)}: portrait, landscape and square among them. */
  static final class Varying implements ImageDataset {
    @Override public String name() { return "varying"; }
    @Override public int size() { return 6; }
    @Override public int channels() { return 3; }
    @Override public int height() { return 20; }
    @Override public int width() { return 20; }
    @Override public boolean shapesVary() { return true; }
    @Override public int height(int i) { return 20 + 7 * i; }
    @Override public int width(int i) { return 40 - 5 * i; }
    @Override public int label(int i) { return i % 2; }
    @Override public List<String> classNames() { return List.of("a", "b"); }

    @Override
    public void image(int i, float[] dst) {
      SplittableRandom r = new SplittableRandom(i);
      for (int k = 0; k < 3 * height(i) * width(i); k++) {
        dst[k] = (float) r.nextDouble();
      }
    }
  }

  @Test
  void viewsAreCutFromEachImageAtItsShapeTheSameForAnyWorkerCount() {
    ImageDataset ds = new Varying();
    Augmentation aug = AugmentPresets.create("imagenet", ds, 12);
    List<PairBatch> one = epoch(ds, aug, 1);
    List<PairBatch> three = epoch(ds, aug, 3);
    assertEquals(3, one.size());
    for (int b = 0; b < one.size(); b++) {
      assertEquals(12, one.get(b).height());
      assertArrayEquals(one.get(b).view1(), three.get(b).view1());
      assertArrayEquals(one.get(b).view2(), three.get(b).view2());
    }
  }

  @Test
  void evaluationResizesTheShortSideAndCropsEveryShape() {
    ImageDataset ds = new Varying();
    Augmentation aug = AugmentPresets.create("imagenet", ds, 12);
    int seen = 0;
    for (Batch b : new EvalLoader(ds, aug.eval(), 4)) {
      assertEquals(12, b.height());
      assertEquals(12, b.width());
      seen += b.size();
    }
    assertEquals(6, seen);
  }

  private static List<PairBatch> epoch(ImageDataset ds, Augmentation aug, int workers) {
    List<PairBatch> out = new ArrayList<>();
    try (TwoViewLoader l = new TwoViewLoader(ds, aug.view1(), aug.view2(), 2, workers, 2, 5)) {
      Iterator<PairBatch> it = l.epoch(0);
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
