package org.aucl.method;

import java.util.Map;
import org.aucl.augment.Augmentation;
import org.aucl.augment.EpochLoader;
import org.aucl.data.ImageDataset;
import org.aucl.model.ContrastiveNet;

/**
 * A self-supervised pretraining method: it owns its networks, its objective and optimiser, its
 * forward pass over the views of a batch and its per-step state. The training loop
 * ({@code train.Pretrainer}) runs any method without knowing which: it asks for a loader, calls
 * {@link #step} once per batch, saves {@link #stateParts()} in checkpoints and evaluates
 * {@link #evalNet()}.
 *
 * <p>The contract every method keeps:
 *
 * <ul>
 *   <li><b>Native memory.</b> Long-lived arrays (weights, optimiser moments, the objective's
 *       variables, a teacher's weights) live in managers the method creates at construction and
 *       closes in {@link #close()}. Every array a step makes lives in a sub-manager that the step
 *       closes before it returns; nothing made by a step survives it.
 *   <li><b>Gradients.</b> The method's optimiser is the one owner of gradients: it zeroes the gradient
 *       of every variable it updates, right after using it. Nothing else zeroes or reads gradients
 *       outside the backward pass and the optimiser.
 *   <li><b>After the optimiser.</b> Updates that are not gradient steps (AUC-CL's dual ascent on
 *       alpha, SogCLR's moving averages, a teacher's moving average) run inside {@link #step}, after
 *       the optimiser; they may change state, never gradients.
 *   <li><b>Non-finite steps.</b> A step whose loss or gradient is not finite returns a NaN loss and
 *       changes nothing: no weight, optimiser or objective state, teacher, centre or BatchNorm running
 *       statistic moves ({@link RunningStatsSnapshot}). The loop may therefore run it again on the same
 *       batch and get what a first finite try would have given.
 *   <li><b>Host reads.</b> {@link #step} returns host numbers ({@link StepResult}); the loop reads
 *       nothing else from the device during a step.
 *   <li><b>Checkpoints.</b> {@link #stateParts()} names every part needed to continue exactly; the
 *       part named {@value #EVAL_PART} holds the weights of {@link #evalNet()}, which evaluations load
 *       into a network built from the run's configuration.
 *   <li><b>Determinism.</b> All randomness comes from the seed given at construction and the
 *       loader's (seed, epoch, position) rule, so a resumed run ends where an uninterrupted one does.
 * </ul>
 *
 * @param <B> the batch this method trains on (two views, or several crops)
 */
public interface PretrainMethod<B> extends AutoCloseable {
  /** Checkpoint part with the weights of {@link #evalNet()}. */
  String EVAL_PART = "model";

  /** Registry name, e.g. "two-view". */
  String name();

  /** A loader of this method's batches over {@code train}, shuffled and augmented from {@code seed}. */
  EpochLoader<B> openLoader(ImageDataset train, Augmentation augmentation, int batchSize, int workers, long seed);

  /** One optimisation step at learning rate {@code lr}, including the updates after the optimiser. */
  StepResult step(B batch, double lr, StepClock clock);

  /** The network whose encoder the monitor and the evaluations read. */
  ContrastiveNet evalNet();

  /**
   * Every network whose encoder starts from {@code pretrain --init}'s weights: the one trained, and a
   * teacher that follows it.
   */
  default java.util.List<ContrastiveNet> initialisedNets() {
    return java.util.List.of(evalNet());
  }

  /** Checkpoint parts by file name, in a fixed order. */
  Map<String, StatePart> stateParts();

  /** Scalar state for the metrics log (AUC-CL's a, b, alpha; a teacher's momentum). */
  Map<String, Double> scalars();

  /** One line about the networks, for the run's log. */
  String describe();

  @Override
  void close();
}
