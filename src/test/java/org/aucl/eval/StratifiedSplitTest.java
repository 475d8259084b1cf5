package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  @Test
  void eachClassGivesItsShareAndTheSplitIsReproducible() {
    int[] labels = IntStream.range(0, 1000).map(i -> i < 900 ? 0 : 1).toArray();
    StratifiedSplit s = StratifiedSplit.of(labels, 0.1, 5);
    assertEquals(100, s.heldOut().length);
    assertEquals(90, IntStream.of(s.heldOut()).filter(i -> labels[i] == 0).count());
    assertEquals(10, IntStream.of(s.heldOut()).filter(i -> labels[i] == 1).count());
    assertEquals(1000, s.kept().length + s.heldOut().length);
    assertEquals(0, IntStream.of(s.kept()).filter(i -> IntStream.of(s.heldOut()).anyMatch(j -> j == i)).count());
    assertArrayEquals(s.heldOut(), StratifiedSplit.of(labels, 0.1, 5).heldOut());
  }

  @Test
  void aSmallClassKeepsAtLeastOneOnEachSide() {
    StratifiedSplit s = StratifiedSplit.of(new int[] {0, 0, 1, 1, 1, 1, 1, 1}, 0.1, 1);
    assertEquals(2, s.heldOut().length, "one of each class");
  }
}
