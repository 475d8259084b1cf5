package org.aucl.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter 2019), as torch.optim.AdamW:
 * w <- w (1 - lr wd); m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2;
 * w <- w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
 * Spec defaults (the authors' CIFAR script): lr 1e-3, wd 1e-4, betas 0.9/0.999, eps 1e-8.
 */
public final class AdamW extends StatefulOptimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;

  public AdamW(double weightDecay, double beta1, double beta2, double eps) {
    super(2, weightDecay);
    if (weightDecay < 0 || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)) {
      throw new IllegalArgumentException("AdamW needs weight decay >= 0, betas in [0, 1) and eps > 0.");
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }

  @Override
  public String name() {
    return "adamw";
  }

  @Override
  void update(String name, NDArray w, NDArray g, NDArray[] s, double lr, boolean decay, long t) {
    if (decay && weightDecay() > 0) {
      w.muli(1 - lr * weightDecay());
    }
    NDArray m = s[0];
    NDArray v = s[1];
    m.muli(beta1).addi(g.mul(1 - beta1));
    v.muli(beta2).addi(g.square().muli(1 - beta2));
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    NDArray denom = v.sqrt().divi(Math.sqrt(bc2)).addi(eps);
    w.subi(m.div(denom).muli(lr / bc1));
  }
}
