package org.aucl.method;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aucl.augment.PairBatch;
import org.aucl.loss.ContrastiveObjective;
import org.aucl.loss.ObjectiveOutput;
import org.aucl.model.ContrastiveNet;
import org.aucl.optim.ParameterOptimizer;

/**
 * One optimisation step of the two-view method: both views through encoder and projector, the
 * objective, backward, the optimiser over the network's parameters and the objective's minimised
 * variables (named "objective.…", excluded from weight decay unless asked; the optimiser zeroes every gradient it
 * used), then the objective's own update (dual ascent, moving averages). A non-finite step changes
 * nothing: gradients are dropped and BatchNorm's running statistics put back, so running it again on
 * the same batch gives what a first finite try would have.
 *
 * <p>Every array of the step lives in a sub-manager that the step closes.
 */
public final class TwoViewStep {
  /** Prefix of the objective's minimised variables in the optimiser's name space. */
  public static final String OBJECTIVE_PREFIX = "objective.";

  private final ContrastiveNet net;
  private final ContrastiveObjective objective;
  private final ParameterOptimizer optimizer;
  private final boolean twoPassBatchNorm;
  private StepPhases phases = StepPhases.OFF;

  /**
   * @param twoPassBatchNorm true: each view in its own forward pass (BatchNorm statistics per view,
   *     as the authors do); false: one pass over the concatenated 2B batch, then split
   */
  public TwoViewStep(ContrastiveNet net, ContrastiveObjective objective, ParameterOptimizer optimizer, boolean twoPassBatchNorm) {
    this(net, objective, optimizer, twoPassBatchNorm, false);
  }

  /**
   * @param decayObjectiveVariables true: the objective's minimised variables are decayed like the
   *     network's weights (the authors' CIFAR script decays b); false: they are left out of decay
   */
  public TwoViewStep(ContrastiveNet net, ContrastiveObjective objective, ParameterOptimizer optimizer, boolean twoPassBatchNorm,
      boolean decayObjectiveVariables) {
    this.net = net;
    this.objective = objective;
    this.optimizer = optimizer;
    this.twoPassBatchNorm = twoPassBatchNorm;
    if (!decayObjectiveVariables) {
      optimizer.excludeFromWeightDecay(n -> n.startsWith(OBJECTIVE_PREFIX));
    }
  }

  /** Records the wall time of each phase of the following steps into {@code phases}. */
  public void recordPhases(StepPhases phases) {
    this.phases = phases;
  }

  /** Runs one step on {@code batch} at learning rate {@code lr}. */
  public StepResult run(PairBatch batch, double lr) {
    phases.begin();
    StepResult result = runPhases(batch, lr);
    phases.lap(StepPhases.Phase.FREE);
    return result;
  }

  private StepResult runPhases(PairBatch batch, double lr) {
    Shape shape = new Shape(batch.shape());
    try (NDManager step = net.manager().newSubManager()) {
      // Results of ops on the objective's long-lived variables land in the step manager, not theirs.
      for (NDArray v : objective.minimisedVariables().values()) {
        step.tempAttachAll(v);
      }
      NDArray v1 = step.create(batch.view1(), shape);
      NDArray v2 = step.create(batch.view2(), shape);
      long[] idx = new long[batch.size()];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = batch.indices()[i];
      }
      NDArray indices = step.create(idx);
      RunningStatsSnapshot runningStats = RunningStatsSnapshot.take(step, net);
      phases.lap(StepPhases.Phase.INPUT);
      ObjectiveOutput out;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray z1;
        NDArray z2;
        if (twoPassBatchNorm) {
          z1 = net.forward(v1, true).get(1);
          z2 = net.forward(v2, true).get(1);
        } else {
          NDList z = net.forward(v1.concat(v2, 0), true);
          NDList halves = z.get(1).split(2, 0);
          z1 = halves.get(0);
          z2 = halves.get(1);
        }
        phases.lap(StepPhases.Phase.FORWARD);
        out = objective.forward(z1, z2, indices);
        phases.lap(StepPhases.Phase.LOSS);
        gc.backward(out.loss());
        phases.lap(StepPhases.Phase.BACKWARD);
      }
      Map<String, NDArray> params = trainables();
      double[] read = FiniteGuard.read(out.loss(), params.values(), out.statistics(), step);
      out.supply(Arrays.copyOfRange(read, 1, read.length));
      double loss = read[0];
      phases.lap(StepPhases.Phase.READ);
      if (Double.isNaN(loss)) {
        optimizer.discard(params); // a non-finite step changes nothing, BatchNorm's running statistics included
        runningStats.restore();
        return new StepResult(Double.NaN, out.meanPositive(), out.meanNegative(), out.batchAuc());
      }
      optimizer.step(params, lr);
      objective.afterStep();
      phases.lap(StepPhases.Phase.OPTIMIZER);
      return new StepResult(loss, out.meanPositive(), out.meanNegative(), out.batchAuc());
    }
  }

  /** The network's parameters plus the objective's minimised variables under {@link #OBJECTIVE_PREFIX}. */
  public Map<String, NDArray> trainables() {
    Map<String, NDArray> all = new LinkedHashMap<>(net.parameters());
    for (Map.Entry<String, NDArray> e : objective.minimisedVariables().entrySet()) {
      all.put(OBJECTIVE_PREFIX + e.getKey(), e.getValue());
    }
    return all;
  }
}
