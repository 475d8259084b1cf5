package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.aucl.data.ImageDataset;
import org.junit.jupiter.api.Test;

class MultiCropLoaderTest {
  private final ImageDataset data = TinyDataset.of(20, 1, 12, 12);
  private final AugmentConfig base = AugmentPresets.create("imagenet", new ImageShape(1, 12, 12), 12).config();
  private final MultiCropConfig crops = MultiCropConfig.of(10, 3, 4);

  private MultiCropLoader loader(int workers, long seed) {
    return MultiCropLoader.of(data, base, crops, 6, workers, 2, seed);
  }

  private static List<MultiCropBatch> all(Iterator<MultiCropBatch> it) {
    List<MultiCropBatch> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void cropsAreGroupedBySizeWithTheirShapes() {
    try (MultiCropLoader l = loader(2, 1)) {
      List<MultiCropBatch> batches = all(l.epoch(0));
      assertEquals(3, batches.size());
      for (MultiCropBatch b : batches) {
        assertEquals(2, b.globals().size());
        assertEquals(3, b.locals().size());
        assertArrayEquals(new long[] {6, 1, 10, 10}, b.globalArrayShape());
        assertArrayEquals(new long[] {6, 1, 4, 4}, b.localArrayShape());
        for (float[] g : b.globals()) {
          assertEquals(6 * 100, g.length);
        }
        for (float[] c : b.locals()) {
          assertEquals(6 * 16, c.length);
        }
        assertFalse(Arrays.equals(b.locals().get(0), b.locals().get(1)), "local crops share a generator");
        for (int q = 0; q < 6; q++) {
          assertEquals(b.indices()[q] % 3, b.labels()[q]);
        }
      }
    }
  }

  @Test
  void sameSeedSameCropsForAnyNumberOfWorkersAndEpochOrder() {
    try (MultiCropLoader one = loader(1, 9); MultiCropLoader three = loader(3, 9); MultiCropLoader other = loader(1, 10)) {
      List<MultiCropBatch> a = all(one.epoch(1));
      all(three.epoch(0)); // producing epoch 0 first changes nothing
      List<MultiCropBatch> b = all(three.epoch(1));
      List<MultiCropBatch> c = all(other.epoch(1));
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i).indices(), b.get(i).indices());
        for (int k = 0; k < 2; k++) {
          assertArrayEquals(a.get(i).globals().get(k), b.get(i).globals().get(k));
        }
        for (int k = 0; k < 3; k++) {
          assertArrayEquals(a.get(i).locals().get(k), b.get(i).locals().get(k));
        }
      }
      assertFalse(Arrays.equals(a.get(0).globals().get(0), c.get(0).globals().get(0)));
    }
  }

  @Test
  void eachCropComesFromTheGeneratorOfItsIndex() {
    ImageShape in = new ImageShape(1, 12, 12);
    List<ViewTransform> locals = crops.locals(base, in);
    List<ViewTransform> globals = crops.globals(base, in);
    try (MultiCropLoader l = loader(2, 5);
        TwoViewLoader pairs = new TwoViewLoader(data, globals.get(0), globals.get(1), 6, 2, 2, 5)) {
      MultiCropBatch b = l.epoch(0).next();
      int pos = 4; // the image at position 4 of epoch 0, row 4 of the first batch
      float[] src = new float[in.size()];
      data.image(l.permutation(0)[pos], src);
      float[] expected = new float[16];
      locals.get(1).apply(src, in, expected, pairs.viewRandom(0, pos, 3), new Scratch()); // crop index 2 + 1
      assertArrayEquals(expected, Arrays.copyOfRange(b.locals().get(1), pos * 16, pos * 16 + 16));
      // the global crops are exactly a two-view loader's views with the same seed
      PairBatch p = pairs.epoch(0).next();
      assertArrayEquals(p.view1(), b.globals().get(0));
      assertArrayEquals(p.view2(), b.globals().get(1));
    }
  }

  @Test
  void rejectsBadCropSettings() {
    assertThrows(IllegalArgumentException.class, () -> MultiCropConfig.of(10, -1, 4));
    assertThrows(IllegalArgumentException.class, () -> new MultiCropConfig(10, 0.4, 1, 2, 4, 0.5, 0.4));
    ImageShape in = new ImageShape(1, 12, 12);
    List<ViewTransform> g = crops.globals(base, in);
    assertThrows(IllegalArgumentException.class, () -> new MultiCropLoader(data, List.of(g.get(0)), List.of(), 6, 1, 1, 0));
    List<ViewTransform> mixed = List.of(crops.locals(base, in).get(0), g.get(0));
    assertThrows(IllegalArgumentException.class, () -> new MultiCropLoader(data, g, mixed, 6, 1, 1, 0));
  }
}
