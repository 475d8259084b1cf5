package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearProbeTest {
  @Test
  void wellSeparatedClustersAreAlmostAllRight() {
    Features train = SyntheticFeatures.clustered(2000, 16, 6, 0.3, 1);
    Features test = SyntheticFeatures.clustered(1000, 16, 6, 0.3, 2);
    LinearProbe.Result r = new LinearProbe(7).evaluate(train, test);
    assertTrue(r.top1() > 0.99, "top-1 " + r.top1());
    assertEquals(1.0, r.top5(), 1e-9);
    assertEquals(LinearProbe.GRID.size(), r.heldOutTop1().size(), "every C of the grid is scored");
    assertTrue(LinearProbe.GRID.contains(r.c()));
  }

  @Test
  void shuffledLabelsGiveChance() {
    // 4 classes: chance is 25%; the standard error on 1000 test images is 1.4 points, the tolerance 6
    Features train = SyntheticFeatures.shuffledLabels(SyntheticFeatures.clustered(2000, 16, 4, 0.3, 1), 3);
    Features test = SyntheticFeatures.shuffledLabels(SyntheticFeatures.clustered(1000, 16, 4, 0.3, 2), 4);
    LinearProbe.Result r = new LinearProbe(7).evaluate(train, test);
    assertEquals(0.25, r.top1(), 0.06);
    assertTrue(Double.isNaN(r.top5()), "no top-5 with 5 classes or fewer");
  }

  @Test
  void theHeldOutScoreChoosesC() {
    // overlapping clusters: the held-out accuracy differs between a tiny and a moderate C
    Features train = SyntheticFeatures.clustered(1500, 16, 4, 2.0, 1);
    Features test = SyntheticFeatures.clustered(500, 16, 4, 2.0, 2);
    LinearProbe.Result r = new LinearProbe(List.of(1e-5, 1.0), 7).evaluate(train, test);
    double best = r.heldOutTop1().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertEquals(best, r.heldOutTop1().get(r.c()), 0.0);
  }
}
