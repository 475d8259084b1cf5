package org.aucl.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aucl.run.RunStatus;
import org.aucl.spec.RunSpec;
import org.aucl.train.StepTiming;

/**
 * The time a sweep's unfinished runs should take, from a short measurement per batch size ({@link
 * StepTiming}: three untimed, then four timed steps of the first unfinished run at that batch size, and a
 * feature extraction): steps x seconds per step, plus each kNN monitor pass over bank and test images.
 * The linear probe is not included.
 */
public final class SweepEstimate {
  private static final int WARMUP = 3;
  private static final int TIMED = 4;

  private final Map<Integer, StepTiming> timings;
  private final int trainSplitImages;
  private final int testImages;

  private SweepEstimate(Map<Integer, StepTiming> timings, int trainSplitImages, int testImages) {
    this.timings = timings;
    this.trainSplitImages = trainSplitImages;
    this.testImages = testImages;
  }

  /** Measures every batch size that has an unfinished run. */
  public static SweepEstimate measure(SweepPlan plan) {
    Map<Integer, StepTiming> timings = new LinkedHashMap<>();
    for (PlannedRun r : plan.runs()) {
      if (RunStatus.of(r.dir()) != RunStatus.FINISHED && !timings.containsKey(r.point().batchSize())) {
        timings.put(r.point().batchSize(), StepTiming.measure(r.config(), WARMUP, TIMED));
      }
    }
    RunSpec first = plan.runs().get(0).config();
    return new SweepEstimate(timings, first.openSplit("train").size(), first.openSplit("test").size());
  }

  public StepTiming timing(int batchSize) {
    return timings.get(batchSize);
  }

  /** Seconds of {@code r} from its start; 0 for a finished run. */
  public double seconds(PlannedRun r) {
    StepTiming t = timings.get(r.point().batchSize());
    if (t == null) {
      return 0;
    }
    org.aucl.spec.Monitor m = r.config().monitor();
    int epochs = r.config().schedule().epochs();
    int passes = m.knnEvery() == 0 ? 0 : epochs / m.knnEvery() + (epochs % m.knnEvery() == 0 ? 0 : 1);
    int bank = m.knnBank() > 0 ? Math.min(m.knnBank(), trainSplitImages) : trainSplitImages;
    return r.steps() * t.secondsPerStep() + passes * (bank + testImages) * t.evalSecondsPerImage();
  }
}
