package org.aucl.optim;

/**
 * Which optimiser and its hyper-parameters (base learning rate is given here for the record; the
 * schedule supplies the per-step rate).
 *
 * @param name adamw, sgd or lars
 * @param lr base learning rate
 * @param weightDecay decoupled (AdamW) or L2 (SGD, LARS) weight decay
 * @param momentum SGD/LARS momentum
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param eps AdamW denominator guard
 * @param nesterov Nesterov momentum (SGD, LARS)
 * @param trustCoefficient LARS eta
 * @param decayObjectiveVariables whether the objective's minimised variables (AUC-CL's a and b) are
 *     decayed with the network's weights: the authors' CIFAR script does so; ours leaves them out
 *     (false, also in the config.json of runs made before this switch)
 */
public record OptimizerConfig(
    String name, double lr, double weightDecay, double momentum, double beta1, double beta2, double eps,
    boolean nesterov, double trustCoefficient, boolean decayObjectiveVariables) {

  public OptimizerConfig {
    if (!Optimizers.NAMES.contains(name)) {
      throw new IllegalArgumentException("Unknown optimiser '" + name + "': expected adamw, sgd or lars.");
    }
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("Learning rate must be positive, got " + lr + ".");
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("--weight-decay must be finite and at least 0, got " + weightDecay + ".");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("--momentum must be in [0, 1), got " + momentum + ".");
    }
  }

  /** Without the objective's variables in weight decay (ours). */
  public OptimizerConfig(
      String name, double lr, double weightDecay, double momentum, double beta1, double beta2, double eps,
      boolean nesterov, double trustCoefficient) {
    this(name, lr, weightDecay, momentum, beta1, beta2, eps, nesterov, trustCoefficient, false);
  }

  /** Defaults: adamw lr 1e-3 wd 1e-4 (the authors' CIFAR recipe); sgd lr 0.06 wd 5e-4 momentum 0.9; lars lr 0.3 wd 1e-6 momentum 0.9 eta 1e-3 (SimCLR). */
  public static OptimizerConfig defaults(String name) {
    switch (name) {
      case "adamw":
        return new OptimizerConfig(name, 1e-3, 1e-4, 0.0, 0.9, 0.999, 1e-8, false, 0.001);
      case "sgd":
        return new OptimizerConfig(name, 0.06, 5e-4, 0.9, 0.9, 0.999, 1e-8, false, 0.001);
      case "lars":
        return new OptimizerConfig(name, 0.3, 1e-6, 0.9, 0.9, 0.999, 1e-8, false, 0.001);
      default:
        throw new IllegalArgumentException("Unknown optimiser '" + name + "': expected adamw, sgd or lars.");
    }
  }

  public OptimizerConfig withLr(double newLr) {
    return new OptimizerConfig(name, newLr, weightDecay, momentum, beta1, beta2, eps, nesterov, trustCoefficient, decayObjectiveVariables);
  }

  public OptimizerConfig withMomentum(double m) {
    return new OptimizerConfig(name, lr, weightDecay, m, beta1, beta2, eps, nesterov, trustCoefficient, decayObjectiveVariables);
  }

  public OptimizerConfig withWeightDecay(double wd) {
    return new OptimizerConfig(name, lr, wd, momentum, beta1, beta2, eps, nesterov, trustCoefficient, decayObjectiveVariables);
  }

  public OptimizerConfig withDecayObjectiveVariables(boolean decay) {
    return new OptimizerConfig(name, lr, weightDecay, momentum, beta1, beta2, eps, nesterov, trustCoefficient, decay);
  }
}
