package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The similarities of one batch (docs/LOSSES.md, "Notation"), computed once and shared by a loss and its
 * diagnostics. Views are ordered {@code k = 0 .. 2B-1}: rows of z1, then rows of z2, so
 * {@code partner(k) = (k + B) mod 2B}.
 *
 * <p>All arrays live on the manager of {@code z1} (the step's manager) and keep the gradient path to
 * the embeddings; masks are constants in the embeddings' data type.
 */
final class PairScores {
  /** Guard of the norm: z / max(||z||, 1e-8) (docs/LOSSES.md, "Notation"). */
  static final double NORM_EPS = 1e-8;

  /** B, the number of images. */
  final int batch;
  /** 2B x 2B dot products z_k . z_l of the normalised views. */
  final NDArray dots;
  /** 2B dot products z_k . z_partner(k). */
  final NDArray positiveDots;
  /** 2B x 2B identity (self pairs). */
  final NDArray selfMask;
  /** 2B x 2B ones at (k, partner(k)). */
  final NDArray partnerMask;

  private PairScores(int batch, NDArray dots, NDArray positiveDots, NDArray selfMask, NDArray partnerMask) {
    this.batch = batch;
    this.dots = dots;
    this.positiveDots = positiveDots;
    this.selfMask = selfMask;
    this.partnerMask = partnerMask;
  }

  /**
   * @param z1 B x d, view 1 (normalised here)
   * @param z2 B x d, view 2; row i pairs with row i of z1
   */
  static PairScores of(NDArray z1, NDArray z2) {
    if (z1.getShape().dimension() != 2 || !z1.getShape().equals(z2.getShape())) {
      throw new IllegalArgumentException("The two views must both be B x d arrays of the same shape, got "
          + z1.getShape() + " and " + z2.getShape() + ".");
    }
    int b = Math.toIntExact(z1.getShape().get(0));
    if (b < 2) {
      throw new IllegalArgumentException("A contrastive batch needs at least 2 images, got " + b + ".");
    }
    NDArray n1 = normalise(z1);
    NDArray n2 = normalise(z2);
    NDArray z = NDArrays.concat(new NDList(n1, n2), 0);
    NDArray dots = z.matMul(z.transpose());
    NDArray pos = n1.mul(n2).sum(new int[] {1});
    NDArray positiveDots = NDArrays.concat(new NDList(pos, pos), 0);
    NDManager m = z1.getManager();
    DataType t = dots.getDataType();
    NDArray col = m.arange(0, 2 * b, 1, DataType.INT64).reshape(1, -1);
    NDArray row = col.reshape(-1, 1);
    NDArray self = row.eq(col).toType(t, false);
    NDArray partner = row.add(b).mod(2 * b).eq(col).toType(t, false);
    return new PairScores(b, dots, positiveDots, self, partner);
  }

  /**
   * {@code v} as a number of {@code like}'s precision: a double operand would promote a 0-dim float32
   * array to float64 in PyTorch.
   */
  static Number scalar(double v, NDArray like) {
    return like.getDataType() == DataType.FLOAT64 ? (Number) v : (Number) (float) v;
  }

  /** z / max(||z||, 1e-8), row-wise. */
  static NDArray normalise(NDArray z) {
    return z.div(z.norm(new int[] {1}, true).maximum(NORM_EPS));
  }

  /** 2B x 2B similarity scores s(k, l) = (1 + z_k . z_l) / 2. */
  NDArray scores() {
    return dots.add(1).div(2);
  }

  /** 2B positive scores p_k = s(k, partner(k)). */
  NDArray positiveScores() {
    return positiveDots.add(1).div(2);
  }

  /** 2B x 2B mask (1 = negative of the row's anchor) for the given negative set. */
  NDArray negativeMask(NegativeSet set) {
    return switch (set) {
      case NON_PARTNER -> selfMask.add(partnerMask).neg().add(1);
      case ALL_OTHERS -> selfMask.neg().add(1);
      case OTHER_VIEW -> crossViewMask().sub(partnerMask);
    };
  }

  /** 2B x 2B ones where the row and the column come from different views. */
  private NDArray crossViewMask() {
    NDManager m = dots.getManager();
    NDArray view = m.arange(0, 2 * batch, 1, DataType.INT32).gte(batch).toType(dots.getDataType(), false);
    return view.reshape(-1, 1).sub(view.reshape(1, -1)).abs();
  }

  /**
   * Mean positive score, mean negative score and batch AUC over the 2B anchors with their 2B - 2
   * non-partner negatives, all on the score s = (1 + z.z') / 2 so that every loss reports comparable
   * numbers. A tie counts one half. Float64, detached, on the device: the caller decides when to read.
   */
  NDArray diagnostics() {
    NDArray s = scores().stopGradient();
    NDArray p = positiveScores().stopGradient().reshape(-1, 1);
    NDArray mask = negativeMask(NegativeSet.NON_PARTNER);
    double pairs = 2.0 * batch * (2.0 * batch - 2.0);
    NDArray meanP = p.mean().toType(DataType.FLOAT64, false);
    NDArray meanN = s.mul(mask).sum().toType(DataType.FLOAT64, false).div(pairs);
    NDArray correct = p.gt(s).toType(s.getDataType(), false)
        .add(p.eq(s).toType(s.getDataType(), false).mul(0.5));
    NDArray auc = correct.mul(mask).sum().toType(DataType.FLOAT64, false).div(pairs);
    return NDArrays.stack(new NDList(meanP, meanN, auc));
  }

  /** An objective's output with only the common statistics. */
  ObjectiveOutput output(NDArray loss) {
    return new ObjectiveOutput(loss, diagnostics());
  }

  /**
   * Row-wise log-sum-exp of {@code logits} over the entries where {@code mask} is 1, stabilised by the
   * (detached) row maximum. Shape 2B x 2B in, 2B out.
   */
  static NDArray maskedLogSumExp(NDArray logits, NDArray mask) {
    NDArray masked = logits.add(mask.sub(1).mul(1e4));
    NDArray max = masked.max(new int[] {1}, true).stopGradient();
    return masked.sub(max).exp().mul(mask).sum(new int[] {1}).log().add(max.reshape(-1));
  }
}
