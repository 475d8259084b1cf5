package org.aucl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the learning-rate rules, the budgets and the cells of the results table. */
class SweepRulesTest {
  @Test
  void learningRateRulesScaleAgainstTheReferenceBatch() {
    assertEquals(2e-3, LrRule.FIXED.scale(2e-3, 512, 128), 0.0);
    assertEquals(8e-3, LrRule.LINEAR.scale(2e-3, 512, 128), 1e-15);
    assertEquals(5e-4, LrRule.LINEAR.scale(2e-3, 32, 128), 1e-15);
    assertEquals(4e-3, LrRule.SQRT.scale(2e-3, 512, 128), 1e-15);
    assertEquals(1e-3, LrRule.SQRT.scale(2e-3, 32, 128), 1e-15);
    assertEquals(2e-3, LrRule.SQRT.scale(2e-3, 128, 128), 0.0, "the reference batch keeps the rate given");
    assertEquals(LrRule.SQRT, LrRule.parse("Sqrt"));
  }

  @Test
  void anEpochBudgetKeepsTheEpochsAndAStepBudgetKeepsTheReferenceSteps() {
    assertEquals(4, Budget.EPOCHS.epochs(4, 10_000, 32, 128));
    assertEquals(4, Budget.EPOCHS.epochs(4, 10_000, 512, 128));
    // S = 4 epochs x floor(10000 / 128) = 4 x 78 = 312 steps
    assertEquals(4, Budget.STEPS.epochs(4, 10_000, 128, 128));
    assertEquals(1, Budget.STEPS.epochs(4, 10_000, 32, 128), "312 steps of 312 per epoch");
    assertEquals(16, Budget.STEPS.epochs(4, 10_000, 512, 128), "312 / 19 steps per epoch = 16.4 epochs");
    assertEquals(8, Budget.STEPS.epochs(4, 10_000, 256, 128), "312 / 39 = 8");
    assertEquals(1, Budget.STEPS.epochs(1, 10_000, 32, 512), "never fewer than one epoch");
    assertEquals(19, Budget.stepsPerEpoch(10_000, 512), "the incomplete last batch is dropped");
  }

  @Test
  void cellsHoldMeanSampleDeviationAndSpread() {
    Stats s = Stats.of(List.of(70.0, 72.0, 74.0));
    assertEquals(72.0, s.mean(), 1e-12);
    assertEquals(2.0, s.sd(), 1e-12, "sample standard deviation, n - 1");
    assertTrue(Double.isNaN(Stats.of(List.of(70.0)).sd()));
    assertEquals("72.00 ± 2.00", ResultsTable.format(s, 3));
    assertEquals("70.00 (1)", ResultsTable.format(Stats.of(List.of(70.0)), 3), "fewer seeds than asked are counted");

    List<ResultRow> rows = List.of(row("auc-cl", 32, 0.70), row("auc-cl", 32, 0.74), row("auc-cl", 64, 0.75),
        row("simclr", 32, 0.60));
    Cells c = new Cells(List.of("auc-cl", "simclr"), List.of(32, 64), rows, ResultRow::finalKnnTop1);
    assertEquals(72.0, c.get("auc-cl", 32).mean(), 1e-9);
    assertEquals(3.0, c.spread("auc-cl"), 1e-9, "best mean 75 minus worst mean 72");
    assertTrue(Double.isNaN(c.spread("simclr")), "one batch size has no spread");
  }

  private static ResultRow row(String objective, int batch, double top1) {
    return new ResultRow(new GridPoint(objective, batch, 1), 1, 10, 1e-3, top1, top1, null, 1.0);
  }
}
