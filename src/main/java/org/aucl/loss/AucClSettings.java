package org.aucl.loss;

/**
 * Every knob of AUC-CL (docs/LOSSES.md, "AUC-CL"), with the preset it started from.
 *
 * @param preset the preset; any but default fixes every other field (checked here)
 * @param a initial value of a, the target of positive scores
 * @param aLearnable whether a is trained by the network's optimiser (else fixed)
 * @param b initial value of b, the centre of negative scores
 * @param bLearnable whether b is trained by the network's optimiser (else fixed)
 * @param alpha initial value of the dual variable alpha (at least 0)
 * @param alphaAscent whether alpha is updated by projected dual ascent after each step (else fixed)
 * @param alphaLr step size eta of the ascent (positive when ascent is on)
 * @param margin margin m
 * @param negWeight weight w of the negative term (positive)
 * @param negatives which views are an anchor's negatives
 * @param reduction how one anchor's negative terms are reduced
 * @param clampPositives whether positive scores are clamp(s - 0.5, 0, 1) (official-cifar) instead of s
 */
public record AucClSettings(
    AucClPreset preset,
    double a,
    boolean aLearnable,
    double b,
    boolean bLearnable,
    double alpha,
    boolean alphaAscent,
    double alphaLr,
    double margin,
    double negWeight,
    NegativeSet negatives,
    NegativeReduction reduction,
    boolean clampPositives) {

  public AucClSettings {
    if (preset == null || negatives == null || reduction == null) {
      throw new IllegalArgumentException("AUC-CL settings need a preset, a negative set and a reduction.");
    }
    requireFinite("a", a);
    requireFinite("b", b);
    requireFinite("margin", margin);
    if (!(alpha >= 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("AUC-CL alpha must be finite and at least 0, got " + alpha + ".");
    }
    if (alphaAscent && !(alphaLr > 0 && Double.isFinite(alphaLr))) {
      throw new IllegalArgumentException("AUC-CL alpha ascent needs a positive step size, got " + alphaLr + ".");
    }
    if (!(negWeight > 0) || !Double.isFinite(negWeight)) {
      throw new IllegalArgumentException("AUC-CL negative weight w must be positive, got " + negWeight + ".");
    }
    String diff = preset.firstDifference(
        new Raw(a, aLearnable, b, bLearnable, alpha, alphaAscent, margin, negWeight, negatives, reduction, clampPositives));
    if (diff != null) {
      throw new IllegalArgumentException("AUC-CL preset " + preset + " fixes " + diff
          + "; use preset 'default' to change it.");
    }
  }

  private static void requireFinite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("AUC-CL " + name + " must be a finite number, got " + v + ".");
    }
  }

  /** The settings of the {@code default} preset. */
  public static AucClSettings defaults() {
    return AucClPreset.DEFAULT.settings();
  }

  /** Field view used to compare with a preset while this record is being constructed. */
  record Raw(double a, boolean aLearnable, double b, boolean bLearnable, double alpha, boolean alphaAscent,
      double margin, double negWeight, NegativeSet negatives, NegativeReduction reduction, boolean clampPositives) {}

  // Copy-with helpers, so that callers can start from a preset and change one knob.
  public AucClSettings withA(double v, boolean learnable) {
    return new AucClSettings(preset, v, learnable, b, bLearnable, alpha, alphaAscent, alphaLr, margin, negWeight, negatives, reduction, clampPositives);
  }

  public AucClSettings withB(double v, boolean learnable) {
    return new AucClSettings(preset, a, aLearnable, v, learnable, alpha, alphaAscent, alphaLr, margin, negWeight, negatives, reduction, clampPositives);
  }

  public AucClSettings withAlpha(double v, boolean ascent, double lr) {
    return new AucClSettings(preset, a, aLearnable, b, bLearnable, v, ascent, lr, margin, negWeight, negatives, reduction, clampPositives);
  }

  public AucClSettings withMargin(double v) {
    return new AucClSettings(preset, a, aLearnable, b, bLearnable, alpha, alphaAscent, alphaLr, v, negWeight, negatives, reduction, clampPositives);
  }

  public AucClSettings withNegatives(double weight, NegativeSet set, NegativeReduction red) {
    return new AucClSettings(preset, a, aLearnable, b, bLearnable, alpha, alphaAscent, alphaLr, margin, weight, set, red, clampPositives);
  }

  public AucClSettings withClampPositives(boolean v) {
    return new AucClSettings(preset, a, aLearnable, b, bLearnable, alpha, alphaAscent, alphaLr, margin, negWeight, negatives, reduction, v);
  }
}
