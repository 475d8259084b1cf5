package org.aucl.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/** Times one objective's forward + backward on random B x d embeddings, as a training step would run it. */
public final class SpeedStudy {
  private SpeedStudy() {}

  /** Milliseconds per step (median-free: the mean over {@code steps} after {@code warmup} untimed steps). */
  public static double millisPerStep(ObjectiveConfig config, int batch, int dim, int warmup, int steps, long seed) {
    if (batch < 2 || dim < 1 || steps < 1 || warmup < 0) {
      throw new IllegalArgumentException("The speed study needs a batch of at least 2, a dimension of at least 1 and at least one step.");
    }
    try (NDManager base = NDManager.newBaseManager(); ContrastiveObjective o = Objectives.create(config)) {
      base.getEngine().setRandomSeed((int) seed);
      o.initialize(base, batch);
      long start = 0;
      for (int i = 0; i < warmup + steps; i++) {
        if (i == warmup) {
          start = System.nanoTime();
        }
        try (NDManager step = base.newSubManager()) {
          NDArray z1 = step.randomNormal(new Shape(batch, dim));
          NDArray z2 = step.randomNormal(new Shape(batch, dim));
          z1.setRequiresGradient(true);
          z2.setRequiresGradient(true);
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            ObjectiveOutput out = o.forward(z1, z2, step.arange(0, batch, 1, ai.djl.ndarray.types.DataType.INT64));
            gc.backward(out.loss());
          }
          z1.getGradient().sum().getFloat(); // wait for the backward pass
          o.afterStep();
        }
      }
      return (System.nanoTime() - start) / 1e6 / steps;
    }
  }
}
