package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {
  @Test
  void sameSeedAndIndexGiveSameImageFromAnyThreadOrInstance() {
    SyntheticDataset a = new SyntheticDataset("a", 200, 32, 3, 10, 42);
    SyntheticDataset b = new SyntheticDataset("b", 200, 32, 3, 10, 42);
    float[][] serial = new float[200][];
    for (int i = 0; i < 200; i++) {
      serial[i] = a.image(i);
    }
    float[][] parallel = new float[200][];
    IntStream.range(0, 200).parallel().forEach(i -> parallel[i] = b.image(199 - i));
    for (int i = 0; i < 200; i++) {
      assertArrayEquals(serial[i], parallel[199 - i]);
    }
    assertFalse(Arrays.equals(a.image(0), new SyntheticDataset("c", 200, 32, 3, 10, 43).image(0)));
  }

  @Test
  void valuesInUnitRangeAndLabelsBalanced() {
    SyntheticDataset ds = new SyntheticDataset("s", 103, 16, 1, 5, 1);
    int[] counts = new int[5];
    for (int i = 0; i < ds.size(); i++) {
      for (float v : ds.image(i)) {
        assertTrue(v >= 0f && v <= 1f);
      }
      counts[ds.label(i)]++;
    }
    assertArrayEquals(new int[] {21, 21, 21, 20, 20}, counts);
    assertEquals(5, ds.classNames().size());
  }

  @Test
  void imagesOfOneClassVaryAndTheShapeIsVisible() {
    SyntheticDataset ds = new SyntheticDataset("s", 100, 32, 3, 10, 7);
    // Same class (0 and 10): position, colour and scale differ, so the images differ a lot.
    double diff = meanAbsDiff(ds.image(0), ds.image(10));
    assertTrue(diff > 0.05, "intra-class difference " + diff);
    // Each image has a foreground: its pixels are not all near one value (noise sigma is 0.06).
    for (int i = 0; i < 20; i++) {
      float[] img = ds.image(i);
      double mean = 0;
      for (float v : img) {
        mean += v;
      }
      mean /= img.length;
      double var = 0;
      for (float v : img) {
        var += (v - mean) * (v - mean);
      }
      assertTrue(Math.sqrt(var / img.length) > 0.1, "image " + i + " has no visible shape");
    }
  }

  @Test
  void shapesDifferFromEachOther() {
    // On a fine grid, every pair of shapes disagrees on a sizeable share of points.
    for (int s = 0; s < 10; s++) {
      for (int t = s + 1; t < 10; t++) {
        int differ = 0;
        for (int y = -50; y < 50; y++) {
          for (int x = -50; x < 50; x++) {
            if (SyntheticDataset.inside(s, x / 50f, y / 50f) != SyntheticDataset.inside(t, x / 50f, y / 50f)) {
              differ++;
            }
          }
        }
        assertTrue(differ > 500, "shapes " + s + " and " + t + " differ on only " + differ + " points");
      }
    }
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThrows(IllegalArgumentException.class, () -> new SyntheticDataset("s", 0, 32, 3, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticDataset("s", 10, 32, 2, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticDataset("s", 10, 32, 3, 11, 0));
  }

  private static double meanAbsDiff(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] - b[i]);
    }
    return s / a.length;
  }
}
