package org.aucl.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.aucl.model.ContrastiveNet;

/**
 * The networks' BatchNorm running statistics as they were before a step's forward pass, to put back
 * when the step turns out non-finite: a training forward pass updates them in place, so without this
 * a discarded step would still move them (or fill them with NaN), and a recomputed step would update
 * them twice.
 *
 * <p>The copies live in the step's manager and go with it. Taking them is one device-side copy per
 * array; putting them back, only on the rare non-finite step, goes through the host.
 */
public final class RunningStatsSnapshot {
  private final List<NDArray> live = new ArrayList<>();
  private final List<NDArray> copies = new ArrayList<>();

  private RunningStatsSnapshot() {}

  /** Copies the running statistics of {@code nets} into {@code step}'s manager. */
  public static RunningStatsSnapshot take(NDManager step, ContrastiveNet... nets) {
    RunningStatsSnapshot s = new RunningStatsSnapshot();
    for (ContrastiveNet net : nets) {
      for (NDArray a : net.runningStatistics()) {
        NDArray copy = a.duplicate();
        copy.attach(step);
        s.live.add(a);
        s.copies.add(copy);
      }
    }
    return s;
  }

  /** Writes the copies back into the networks' arrays, in place. */
  public void restore() {
    for (int i = 0; i < live.size(); i++) {
      copies.get(i).copyTo(live.get(i));
    }
  }
}
