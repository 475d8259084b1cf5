package org.aucl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The claim of docs/LOSSES.md ("Why AUC-CL is batch-size robust"), on a small pool: AUC-CL's mini-batch loss is unbiased, NT-Xent's is not. */
class BiasStudyTest {
  @Test
  void aucClIsUnbiasedAndNtXentIsBiasedWithShrinkingBias() {
    List<ObjectiveConfig> losses = List.of(
        ObjectiveConfig.of("auc-cl").withAuc(BiasStudy.studyAucSettings()), ObjectiveConfig.of("simclr"));
    List<BiasStudy.Row> rows = BiasStudy.run(
        new BiasStudy.Settings(losses, 128, List.of(4, 16, 64), 100, 1, 16, 1.0));
    assertEquals(6, rows.size());
    double previous = Double.POSITIVE_INFINITY;
    for (BiasStudy.Row r : rows) {
      if (r.loss().equals("auc-cl")) {
        assertTrue(r.zScore() < 3, "AUC-CL's bias is zero within 3 SE at B=" + r.batchSize() + ": " + r);
      } else {
        assertTrue(r.zScore() > 10, "NT-Xent's bias is clearly non-zero at B=" + r.batchSize() + ": " + r);
        assertTrue(Math.abs(r.bias()) < previous, "NT-Xent's bias shrinks as B grows: " + r);
        previous = Math.abs(r.bias());
      }
    }
  }
}
