package org.aucl.loss;

/**
 * DCL, decoupled contrastive learning (Yeh et al. 2022; docs/LOSSES.md, "DCL"): NT-Xent with the positive
 * removed from the denominator,
 *
 * <pre>
 * L = mean_k [ -z_k.z_p(k) / tau + log sum_{l != k, p(k)} exp(z_k.z_l / tau) ]
 * </pre>
 *
 * No state, no variables.
 */
public final class DclObjective extends SoftmaxContrastiveObjective {
  public static final String NAME = "dcl";

  /** {@code temperature} as checked by {@link ObjectiveConfig}; create through {@link Objectives}. */
  DclObjective(double temperature) {
    super(NAME, NegativeSet.NON_PARTNER, temperature);
  }
}
