package org.aucl.loss;

/**
 * NT-Xent, SimCLR's loss (Chen et al. 2020; docs/LOSSES.md, "NT-Xent"): for each of the 2B anchors, the
 * cross-entropy of its partner against all other 2B - 1 views,
 *
 * <pre>
 * L = mean_k [ -z_k.z_p(k) / tau + log sum_{l != k} exp(z_k.z_l / tau) ]
 * </pre>
 *
 * No state, no variables: everything is trained by the network's optimiser through the embeddings.
 */
public final class NtXentObjective extends SoftmaxContrastiveObjective {
  public static final String NAME = "simclr";

  /** {@code temperature} as checked by {@link ObjectiveConfig}; create through {@link Objectives}. */
  NtXentObjective(double temperature) {
    super(NAME, NegativeSet.ALL_OTHERS, temperature);
  }
}
