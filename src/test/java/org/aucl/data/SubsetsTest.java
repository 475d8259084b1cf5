package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubsetsTest {
  /** A labeled dataset whose labels are given; images are irrelevant here. */
  private static ImageDataset labeled(int[] labels, int classes) {
    List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    return new ImageDataset() {
      public String name() { return "fake"; }
      public int size() { return labels.length; }
      public int channels() { return 1; }
      public int height() { return 1; }
      public int width() { return 1; }
      public void image(int i, float[] dst) { dst[0] = i; }
      public int label(int i) { return labels[i]; }
      public List<String> classNames() { return names; }
    };
  }

  private static int[] counts(ImageDataset ds, int classes) {
    int[] c = new int[classes];
    for (int i = 0; i < ds.size(); i++) {
      c[ds.label(i)]++;
    }
    return c;
  }

  @Test
  void balancedGivesEqualCountsAndIsDeterministic() {
    ImageDataset src = new SyntheticDataset("s", 1000, 8, 1, 10, 0);
    ImageDataset a = Subsets.balanced(src, 100, 5);
    assertEquals(100, a.size());
    assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, counts(a, 10));
    int[] ia = Subsets.balancedIndices(src, 100, 5);
    assertArrayEquals(ia, Subsets.balancedIndices(src, 100, 5));
    assertFalse(Arrays.equals(ia, Subsets.balancedIndices(src, 100, 6)));
    assertEquals(100, Arrays.stream(ia).distinct().count());
    for (int k = 1; k < ia.length; k++) {
      assertTrue(ia[k - 1] < ia[k], "indices are sorted");
    }
    assertEquals(src.label(ia[3]), a.label(3));
    assertArrayEquals(src.image(ia[7]), a.image(7));
  }

  @Test
  void remainderSpreadsOneEachAndShortClassesGiveAllTheyHave() {
    ImageDataset src = new SyntheticDataset("s", 100, 8, 1, 4, 0);
    int[] c = counts(Subsets.balanced(src, 10, 1), 4);
    Arrays.sort(c);
    assertArrayEquals(new int[] {2, 2, 3, 3}, c);

    int[] labels = new int[60];
    for (int i = 0; i < 60; i++) {
      labels[i] = i < 2 ? 0 : 1 + i % 2; // class 0 has only 2 images
    }
    int[] c2 = counts(Subsets.balanced(labeled(labels, 3), 30, 9), 3);
    assertEquals(2, c2[0]);
    assertEquals(30, c2[0] + c2[1] + c2[2]);
    assertTrue(Math.abs(c2[1] - c2[2]) <= 1, Arrays.toString(c2));
  }

  @Test
  void unlabeledIsPlainRandomSubset() {
    SyntheticDataset base = new SyntheticDataset("s", 50, 8, 1, 5, 0);
    ImageDataset unlabeled = new ImageDataset() {
      public String name() { return "u"; }
      public int size() { return 50; }
      public int channels() { return 1; }
      public int height() { return 8; }
      public int width() { return 8; }
      public void image(int i, float[] dst) { base.image(i, dst); }
      public int label(int i) { return -1; }
      public List<String> classNames() { return List.of(); }
    };
    ImageDataset sub = Subsets.balanced(unlabeled, 20, 3);
    assertEquals(20, sub.size());
    assertEquals(-1, sub.label(0));
  }

  @Test
  void sizeOutOfRangeIsRejected() {
    ImageDataset src = new SyntheticDataset("s", 10, 8, 1, 2, 0);
    assertThrows(IllegalArgumentException.class, () -> Subsets.balanced(src, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Subsets.balanced(src, 11, 1));
    assertEquals(10, Subsets.balanced(src, 10, 1).size());
  }
}
