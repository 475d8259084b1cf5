package org.aucl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aucl.optim.OptimizerConfig;
import org.aucl.spec.RunSpec;
import picocli.CommandLine.Option;

/**
 * {@code pretrain}'s optimiser options: another {@code --optimizer} starts from its own defaults, the
 * others change the current one (the default job's AdamW, or a recipe's); each is null unless given.
 */
public final class OptimizerOptions {
  @Option(names = "--optimizer", paramLabel = "NAME", description = "adamw, sgd or lars (default: " + RunSpec.DEFAULT_OPTIMIZER + ").")
  String optimizer;

  @Option(names = "--lr", paramLabel = "LR",
      description = "Base learning rate (default: " + RunSpec.DEFAULT_LR + " with adamw; another optimiser's own default otherwise).")
  Double lr;

  @Option(names = "--weight-decay", paramLabel = "WD", description = "Weight decay (default: the optimiser's own).")
  Double weightDecay;

  @Option(names = "--decay-objective-variables", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      description = "Decay the objective's learnable variables (AUC-CL's a, b) with the network's weights, as the authors' "
          + "CIFAR script does (default: false).")
  Boolean decayObjectiveVariables;

  @Option(names = "--momentum", paramLabel = "M", description = "Momentum of sgd and lars (default: the optimiser's own).")
  Double momentum;

  OptimizerConfig applyTo(OptimizerConfig current) {
    OptimizerConfig o = current;
    if (optimizer != null && !optimizer.toLowerCase(Locale.ROOT).equals(current.name())) {
      o = UserInput.check(() -> OptimizerConfig.defaults(optimizer.toLowerCase(Locale.ROOT)));
    }
    OptimizerConfig base = o;
    return UserInput.check(() -> {
      OptimizerConfig c = base;
      if (lr != null) {
        c = c.withLr(lr);
      }
      if (weightDecay != null) {
        c = c.withWeightDecay(weightDecay);
      }
      if (momentum != null) {
        c = c.withMomentum(momentum);
      }
      if (decayObjectiveVariables != null) {
        c = c.withDecayObjectiveVariables(decayObjectiveVariables);
      }
      return c;
    });
  }

  /** The options of the two-view method's weight decay (teacher-student has its own schedule). */
  List<String> twoViewOnlyGiven() {
    List<String> g = new ArrayList<>();
    if (weightDecay != null) g.add("--weight-decay");
    if (decayObjectiveVariables != null) g.add("--decay-objective-variables");
    return g;
  }
}
