package org.aucl.optim;

import java.util.Set;

/** Registry from optimiser names to instances. */
public final class Optimizers {
  public static final Set<String> NAMES = Set.of("adamw", "sgd", "lars");

  private Optimizers() {}

  /** A fresh optimiser; LARS additionally leaves names matching BatchNorm/bias out of decay (and 1-D arrays always). */
  public static ParameterOptimizer create(OptimizerConfig c) {
    switch (c.name()) {
      case "adamw":
        return new AdamW(c.weightDecay(), c.beta1(), c.beta2(), c.eps());
      case "sgd":
        return new Sgd(c.weightDecay(), c.momentum(), c.nesterov());
      case "lars":
        Lars lars = new Lars(c.weightDecay(), c.momentum(), c.trustCoefficient(), c.nesterov());
        lars.excludeFromWeightDecay(org.aucl.model.ContrastiveNet::isNormOrBias);
        return lars;
      default:
        throw new IllegalArgumentException("Unknown optimiser '" + c.name() + "'.");
    }
  }
}
