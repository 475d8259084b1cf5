package org.aucl.optim;

import ai.djl.ndarray.NDArray;

/**
 * SGD with momentum, as torch.optim.SGD (dampening 0): d = g + wd w; buf <- mu buf + d;
 * d <- buf (or d + mu buf with Nesterov); w <- w - lr d.
 */
public final class Sgd extends StatefulOptimizer {
  private final double momentum;
  private final boolean nesterov;

  public Sgd(double weightDecay, double momentum, boolean nesterov) {
    super(1, weightDecay);
    if (weightDecay < 0 || !(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("SGD needs weight decay >= 0 and momentum in [0, 1).");
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  void update(String name, NDArray w, NDArray g, NDArray[] s, double lr, boolean decay, long t) {
    NDArray d = decay && weightDecay() > 0 ? g.add(w.mul(weightDecay())) : g;
    if (momentum > 0) {
      NDArray buf = s[0];
      buf.muli(momentum).addi(d);
      d = nesterov ? d.add(buf.mul(momentum)) : buf;
    }
    w.subi(d.mul(lr));
  }
}
