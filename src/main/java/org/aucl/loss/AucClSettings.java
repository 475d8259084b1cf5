package org.aucl.loss;

/**
 * Every knob of AUC-CL (docs/LOSSES.md, "AUC-CL"), with the preset it started from. Built with
 * {@link #builder()} (from the {@code default} preset) or {@link #toBuilder()}; a preset other than
 * {@code default} fixes every knob, and {@link Builder#build()} refuses a change to one.
 *
 * @param preset the preset
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

  /** A builder holding the {@code default} preset's values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.preset = preset;
    b.a = a;
    b.aLearnable = aLearnable;
    b.b = this.b;
    b.bLearnable = bLearnable;
    b.alpha = alpha;
    b.alphaAscent = alphaAscent;
    b.alphaLr = alphaLr;
    b.margin = margin;
    b.negWeight = negWeight;
    b.negatives = negatives;
    b.reduction = reduction;
    b.clampPositives = clampPositives;
    return b;
  }

  /** True when every knob but the preset's name equals {@code other}'s. */
  boolean sameKnobs(AucClSettings o) {
    return a == o.a && aLearnable == o.aLearnable && b == o.b && bLearnable == o.bLearnable && alpha == o.alpha
        && alphaAscent == o.alphaAscent && margin == o.margin && negWeight == o.negWeight && negatives == o.negatives
        && reduction == o.reduction && clampPositives == o.clampPositives;
  }

  /** Builds {@link AucClSettings}; every knob starts at the {@code default} preset's value ({@link AucClDefaults}). */
  public static final class Builder {
    private AucClPreset preset = AucClPreset.DEFAULT;
    private double a = AucClDefaults.A;
    private boolean aLearnable = AucClDefaults.A_LEARNABLE;
    private double b = AucClDefaults.B;
    private boolean bLearnable = AucClDefaults.B_LEARNABLE;
    private double alpha = AucClDefaults.ALPHA;
    private boolean alphaAscent = AucClDefaults.ALPHA_ASCENT;
    private double alphaLr = AucClDefaults.ALPHA_LR;
    private double margin = AucClDefaults.MARGIN;
    private double negWeight = AucClDefaults.NEG_WEIGHT;
    private NegativeSet negatives = AucClDefaults.INCLUDE_PARTNER ? NegativeSet.ALL_OTHERS : NegativeSet.NON_PARTNER;
    private NegativeReduction reduction = NegativeReduction.parse(AucClDefaults.REDUCTION);
    private boolean clampPositives = AucClDefaults.CLAMP_POSITIVES;

    private Builder() {}

    /** The preset's values in every knob, and its name. */
    public Builder optPreset(AucClPreset p) {
      AucClSettings s = p.settings();
      Builder from = s.toBuilder();
      this.preset = p;
      this.a = from.a;
      this.aLearnable = from.aLearnable;
      this.b = from.b;
      this.bLearnable = from.bLearnable;
      this.alpha = from.alpha;
      this.alphaAscent = from.alphaAscent;
      this.alphaLr = from.alphaLr;
      this.margin = from.margin;
      this.negWeight = from.negWeight;
      this.negatives = from.negatives;
      this.reduction = from.reduction;
      this.clampPositives = from.clampPositives;
      return this;
    }

    public Builder optA(double value, boolean learnable) {
      this.a = value;
      this.aLearnable = learnable;
      return this;
    }

    public Builder optB(double value, boolean learnable) {
      this.b = value;
      this.bLearnable = learnable;
      return this;
    }

    /** alpha's initial value, whether it moves by projected ascent, and the ascent's step size. */
    public Builder optAlpha(double value, boolean ascent, double lr) {
      this.alpha = value;
      this.alphaAscent = ascent;
      this.alphaLr = lr;
      return this;
    }

    public Builder optMargin(double m) {
      this.margin = m;
      return this;
    }

    public Builder optNegatives(double weight, NegativeSet set, NegativeReduction red) {
      this.negWeight = weight;
      this.negatives = set;
      this.reduction = red;
      return this;
    }

    public Builder optClampPositives(boolean clamp) {
      this.clampPositives = clamp;
      return this;
    }

    /** The settings; a change to a knob that a preset other than {@code default} fixes is refused. */
    public AucClSettings build() {
      AucClSettings s = new AucClSettings(preset, a, aLearnable, b, bLearnable, alpha, alphaAscent, alphaLr, margin,
          negWeight, negatives, reduction, clampPositives);
      String diff = preset.firstDifference(s);
      if (diff != null) {
        throw new IllegalArgumentException("AUC-CL preset " + preset + " fixes " + diff + "; use preset 'default' to change it.");
      }
      return s;
    }
  }
}
