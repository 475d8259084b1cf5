package org.aucl.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter 2019), as torch.optim.AdamW:
 * w <- w (1 - lr wd); m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2;
 * w <- w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
 * Spec defaults (the authors' CIFAR script): lr 1e-3, wd 1e-4, betas 0.9/0.999, eps 1e-8.
 *
 * <p>On the PyTorch engine the whole update of a parameter is one native call (DJL's fused Adam
 * kernel, {@code JniUtils.adamUpdate}) instead of about fourteen operations issued from Java: the
 * optimiser was a fifth of a step of the default job (docs/MODELS.md, "Where a step's time goes").
 * That kernel divides by {@code sqrt(v) + eps} with one step size, so the bias corrections are folded
 * into its arguments: {@code m / (sqrt(v) / c2 + eps) = c2 m / (sqrt(v) + eps c2)} with
 * {@code c2 = sqrt(1 - b2^t)}. Other engines run the same formula as separate operations.
 */
public final class AdamW extends StatefulOptimizer {
  /** The fused kernel's switch values: no gradient rescaling, no clipping (negative), decoupled decay. */
  private static final float NO_RESCALE = 1f;
  private static final float NO_CLIP = -1f;

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final boolean fused;

  public AdamW(double weightDecay, double beta1, double beta2, double eps) {
    this(weightDecay, beta1, beta2, eps, true);
  }

  /** {@code fused = false} runs the separate operations on every engine (the test's reference path). */
  AdamW(double weightDecay, double beta1, double beta2, double eps, boolean fused) {
    super(2, weightDecay);
    this.fused = fused;
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
    double wd = decay ? weightDecay() : 0;
    double bc1 = 1 - Math.pow(beta1, t);
    double c2 = Math.sqrt(1 - Math.pow(beta2, t));
    if (fused && w instanceof PtNDArray pw && g instanceof PtNDArray pg && s[0] instanceof PtNDArray m && s[1] instanceof PtNDArray v) {
      JniUtils.adamUpdate(pw, pg, m, v, (float) lr, (float) (lr * c2 / bc1), (float) wd, NO_RESCALE, NO_CLIP,
          (float) beta1, (float) beta2, (float) (eps * c2), true);
      return;
    }
    if (wd > 0) {
      w.muli(1 - lr * wd);
    }
    s[0].muli(beta1).addi(g.mul(1 - beta1));
    s[1].muli(beta2).addi(g.square().muli(1 - beta2));
    NDArray denom = s[1].sqrt().divi(c2).addi(eps);
    w.subi(s[0].div(denom).muli(lr / bc1));
  }
}
