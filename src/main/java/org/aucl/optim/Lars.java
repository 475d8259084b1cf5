package org.aucl.optim;

import ai.djl.ndarray.NDArray;

/**
 * LARS as in SimCLR's implementation (You et al. 2017; Chen et al. 2020): for an adapted parameter,
 * d = g + wd w, trust = eta ||w|| / ||d|| (1 where either norm is 0); v <- mu v + lr trust d;
 * w <- w - v (Nesterov: w - (mu v + lr trust d)). Parameters excluded from weight decay, and every
 * parameter of at most one dimension (BatchNorm gamma/beta, biases, scalars), get neither weight
 * decay nor adaptation: v <- mu v + lr g.
 */
public final class Lars extends StatefulOptimizer {
  private final double momentum;
  private final double trust;
  private final boolean nesterov;

  public Lars(double weightDecay, double momentum, double trustCoefficient, boolean nesterov) {
    super(1, weightDecay);
    if (weightDecay < 0 || !(momentum >= 0 && momentum < 1) || !(trustCoefficient > 0)) {
      throw new IllegalArgumentException("LARS needs weight decay >= 0, momentum in [0, 1) and a positive trust coefficient.");
    }
    this.momentum = momentum;
    this.trust = trustCoefficient;
    this.nesterov = nesterov;
  }

  @Override
  public String name() {
    return "lars";
  }

  @Override
  void update(String name, NDArray w, NDArray g, NDArray[] s, double lr, boolean decay, long t) {
    boolean adapt = decay && w.getShape().dimension() > 1;
    NDArray d = g;
    double scaled = lr;
    if (adapt) {
      if (weightDecay() > 0) {
        d = g.add(w.mul(weightDecay()));
      }
      double wn = w.norm().getFloat();
      double dn = d.norm().getFloat();
      if (wn > 0 && dn > 0) {
        scaled = lr * trust * wn / dn;
      }
    }
    NDArray v = s[0];
    NDArray step = d.mul(scaled);
    v.muli(momentum).addi(step);
    w.subi(nesterov ? v.mul(momentum).addi(step) : v);
  }
}
