package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.aucl.data.ImageDataset;
import org.junit.jupiter.api.Test;

class TwoViewLoaderTest {
  private final ImageDataset data = TinyDataset.of(50, 3, 8, 8);
  private final Augmentation aug = AugmentPresets.create("imagenet", new ImageShape(3, 8, 8), 6);

  private TwoViewLoader loader(int batch, int workers, int prefetch, long seed) {
    return new TwoViewLoader(data, aug.view1(), aug.view2(), batch, workers, prefetch, seed);
  }

  private static List<PairBatch> all(Iterator<PairBatch> it) {
    List<PairBatch> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void everyImageAtMostOnceAndOnlyTheLastPartialBatchDropped() {
    try (TwoViewLoader l = loader(16, 2, 2, 1)) {
      List<PairBatch> batches = all(l.epoch(0));
      assertEquals(3, batches.size());
      assertEquals(3, l.batchesPerEpoch());
      Set<Integer> seen = new HashSet<>();
      for (PairBatch b : batches) {
        assertEquals(16, b.size());
        assertArrayEquals(new long[] {16, 3, 6, 6}, b.shape());
        assertEquals(16 * 3 * 36, b.view1().length);
        assertEquals(16 * 3 * 36, b.view2().length);
        for (int q = 0; q < 16; q++) {
          assertTrue(seen.add(b.indices()[q]), "index repeated");
          assertEquals(b.indices()[q] % 3, b.labels()[q]);
        }
      }
      assertEquals(48, seen.size());
      // the two images not served are exactly the permutation's last two positions
      int[] perm = l.permutation(0);
      assertFalse(seen.contains(perm[48]));
      assertFalse(seen.contains(perm[49]));
    }
  }

  @Test
  void exactBatchMultipleCoversEveryImage() {
    try (TwoViewLoader l = loader(10, 3, 1, 2)) {
      Set<Integer> seen = new HashSet<>();
      for (PairBatch b : all(l.epoch(4))) {
        for (int i : b.indices()) {
          seen.add(i);
        }
      }
      assertEquals(50, seen.size());
    }
  }

  @Test
  void batchesFollowThePermutationAndViewsFollowTheContract() {
    try (TwoViewLoader l = loader(8, 2, 3, 42)) {
      int[] perm = l.permutation(2);
      List<PairBatch> batches = all(l.epoch(2));
      ImageShape in = new ImageShape(3, 8, 8);
      int len = aug.output().size();
      for (int b = 0; b < batches.size(); b++) {
        for (int q = 0; q < 8; q++) {
          int pos = b * 8 + q;
          assertEquals(perm[pos], batches.get(b).indices()[q]);
          // the view is the transform applied with the generator of (seed, epoch, position, view)
          float[] expected = new float[len];
          aug.view2().apply(data.image(perm[pos]), in, expected, l.viewRandom(2, pos, 1), new Scratch());
          assertArrayEquals(expected, Arrays.copyOfRange(batches.get(b).view2(), q * len, (q + 1) * len));
        }
      }
    }
  }

  @Test
  void sameSeedSameViewsWhateverTheWorkerCountAndPrefetch() {
    List<PairBatch> a;
    List<PairBatch> b;
    try (TwoViewLoader l = loader(7, 1, 1, 5)) {
      a = all(l.epoch(1));
    }
    try (TwoViewLoader l = loader(7, 4, 5, 5)) {
      b = all(l.epoch(1));
    }
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).indices(), b.get(i).indices());
      assertArrayEquals(a.get(i).view1(), b.get(i).view1());
      assertArrayEquals(a.get(i).view2(), b.get(i).view2());
    }
  }

  @Test
  void anEpochCanBeProducedWithoutTheEarlierOnes() {
    List<PairBatch> direct;
    List<PairBatch> after;
    try (TwoViewLoader l = loader(10, 2, 2, 9)) {
      direct = all(l.epoch(3));
    }
    try (TwoViewLoader l = loader(10, 2, 2, 9)) {
      for (int e = 0; e < 3; e++) {
        all(l.epoch(e));
      }
      after = all(l.epoch(3));
    }
    for (int i = 0; i < direct.size(); i++) {
      assertArrayEquals(direct.get(i).view1(), after.get(i).view1());
    }
  }

  @Test
  void epochsSeedsAndViewsDiffer() {
    try (TwoViewLoader l = loader(10, 2, 2, 1); TwoViewLoader other = loader(10, 2, 2, 2)) {
      assertFalse(Arrays.equals(l.permutation(0), l.permutation(1)));
      assertFalse(Arrays.equals(l.permutation(0), other.permutation(0)));
      PairBatch b = l.epoch(0).next();
      assertFalse(Arrays.equals(b.view1(), b.view2()), "the two views of a batch should differ");
      PairBatch c = other.epoch(0).next();
      assertFalse(Arrays.equals(b.view1(), c.view1()));
    }
  }

  @Test
  void workerExceptionSurfacesInTheConsumer() {
    ViewTransform broken = new ViewTransform() {
      @Override
      public ImageShape outputShape(ImageShape in) {
        return in;
      }

      @Override
      public void apply(float[] src, ImageShape in, float[] dst, SplittableRandom rng, Scratch scratch) {
        throw new IllegalStateException("boom");
      }
    };
    try (TwoViewLoader l = new TwoViewLoader(data, broken, broken, 5, 2, 2, 0)) {
      Iterator<PairBatch> it = l.epoch(0);
      IllegalStateException ex = assertThrows(IllegalStateException.class, it::next);
      assertEquals("boom", ex.getMessage());
    }
  }

  @Test
  void closeStopsItsThreads() throws InterruptedException {
    java.util.Set<Thread> before = loaderThreads();
    TwoViewLoader l = loader(5, 3, 4, 0);
    Iterator<PairBatch> it = l.epoch(0);
    it.next(); // batches still in the making
    java.util.Set<Thread> mine = loaderThreads();
    mine.removeAll(before);
    assertTrue(mine.size() >= 3, "the loader should run its 3 workers, saw " + mine.size());
    l.close();
    for (Thread t : mine) {
      t.join(2000); // a pool thread may take a moment to exit after the pool has terminated
      assertTrue(!t.isAlive(), t.getName() + " is still alive after close()");
    }
    assertThrows(IllegalStateException.class, it::next);
    assertThrows(IllegalStateException.class, () -> l.epoch(1));
  }

  private static java.util.Set<Thread> loaderThreads() {
    java.util.Set<Thread> s = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("aucl-loader-") && t.isAlive()) {
        s.add(t);
      }
    }
    return s;
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThrows(IllegalArgumentException.class, () -> loader(51, 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> loader(0, 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> loader(5, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> loader(5, 1, 0, 0));
    Augmentation other = AugmentPresets.create("cifar", new ImageShape(3, 8, 8), 4);
    assertThrows(IllegalArgumentException.class,
        () -> new TwoViewLoader(data, aug.view1(), other.view1(), 5, 1, 1, 0));
  }
}
