package org.aucl.method;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aucl.augment.Augmentation;
import org.aucl.augment.EpochLoader;
import org.aucl.augment.PairBatch;
import org.aucl.augment.TwoViewLoader;
import org.aucl.data.ImageDataset;
import org.aucl.loss.ContrastiveObjective;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.loss.Objectives;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;
import org.aucl.optim.Optimizers;
import org.aucl.optim.ParameterOptimizer;

/**
 * The two-view method (SimCLR's shape): one network, two augmented views of each image, and any
 * objective of the loss package between their projections. Checkpoint parts: {@code model} (weights
 * and BatchNorm statistics), {@code optimizer} (moments and step count), {@code objective}.
 */
public final class TwoViewMethod implements PretrainMethod<PairBatch> {
  /** Registry name. */
  public static final String NAME = "two-view";

  private static final int PREFETCH = 4;

  private final ContrastiveNet net;
  private final NDManager objectiveState;
  private final ContrastiveObjective objective;
  private final ParameterOptimizer optimizer;
  private final TwoViewStep step;

  /**
   * @param twoPassBatchNorm each view through BatchNorm in its own pass (the authors'), or both in one
   * @param datasetSize training images (objectives with per-image state size it from this)
   */
  public TwoViewMethod(
      NetConfig net, ObjectiveConfig objective, OptimizerConfig optimizer, boolean twoPassBatchNorm,
      Device device, long seed, int datasetSize) {
    this.net = ContrastiveNet.create(net, seed, device);
    this.objectiveState = NDManager.newBaseManager(device);
    this.objective = Objectives.create(objective);
    this.optimizer = Optimizers.create(optimizer);
    this.objective.initialize(objectiveState, datasetSize);
    this.step = new TwoViewStep(this.net, this.objective, this.optimizer, twoPassBatchNorm, optimizer.decayObjectiveVariables());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EpochLoader<PairBatch> openLoader(
      ImageDataset train, Augmentation augmentation, int batchSize, int workers, long seed) {
    return new TwoViewLoader(train, augmentation.view1(), augmentation.view2(), batchSize, workers, PREFETCH, seed);
  }

  @Override
  public StepResult step(PairBatch batch, double lr, StepClock clock) {
    return step.run(batch, lr);
  }

  @Override
  public ContrastiveNet evalNet() {
    return net;
  }

  @Override
  public Map<String, StatePart> stateParts() {
    Map<String, StatePart> parts = new LinkedHashMap<>();
    parts.put(EVAL_PART, StatePart.of(net::save, net::load));
    parts.put("optimizer", StatePart.of(optimizer::save, optimizer::load));
    parts.put("objective", StatePart.of(objective::save, objective::load));
    return parts;
  }

  /** Records the wall time of each phase of the following steps into {@code phases} ({@code bench train --phases}). */
  public void recordPhases(StepPhases phases) {
    step.recordPhases(phases);
  }

  @Override
  public Map<String, Double> scalars() {
    return objective.scalars();
  }

  @Override
  public String describe() {
    NetConfig c = net.config();
    return String.format(
        "model %s (%s stem, width %.3g): %.2f M parameters (encoder), %.2f M with projector; %.1f MFLOPs per image",
        c.arch(), c.stem(), c.width(), net.parameterCount(false) / 1e6, net.parameterCount(true) / 1e6,
        net.flopsPerImage(true) / 1e6);
  }

  @Override
  public void close() {
    try (net;
        objectiveState;
        ContrastiveObjective o = objective;
        ParameterOptimizer p = optimizer) {
      // closed in reverse order by try-with-resources
    }
  }
}
