package org.aucl.eval;

import org.aucl.model.ContrastiveNet;

/** Which output of a {@link ContrastiveNet} an evaluation reads; both are L2-normalised. */
public enum FeatureHead {
  /** The encoder's output, before the projector: what every evaluation reads. */
  ENCODER,
  /** The projector's output (only {@code aucl embed --projector}). */
  PROJECTOR;

  /** The net's forward pass for this head, in inference mode. */
  public FeatureFunction of(ContrastiveNet net) {
    return this == ENCODER
        ? images -> net.features(images, false)
        : images -> net.project(net.encode(images, false), false);
  }
}
