package org.aucl.loss;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Named AUC-CL configurations (docs/LOSSES.md, "Presets").
 *
 * <p>{@code official-cifar} reproduces the authors' CIFAR script and {@code imagenet-weighting} the
 * weighting of their teacher-student script; both fix every knob so that they stay exact. The
 * {@code default} preset is ours: every knob may be changed; its values come from the kNN
 * measurements in docs/TUNING.md.
 */
public enum AucClPreset {
  /** Ours, chosen by the kNN measurements of docs/TUNING.md; its values are those of {@link AucClDefaults}. */
  DEFAULT("default", AucClDefaults.A, AucClDefaults.A_LEARNABLE, AucClDefaults.B, AucClDefaults.B_LEARNABLE,
      AucClDefaults.ALPHA, AucClDefaults.ALPHA_ASCENT, AucClDefaults.ALPHA_LR, AucClDefaults.MARGIN,
      AucClDefaults.NEG_WEIGHT, AucClDefaults.INCLUDE_PARTNER ? NegativeSet.ALL_OTHERS : NegativeSet.NON_PARTNER,
      NegativeReduction.parse(AucClDefaults.REDUCTION), AucClDefaults.CLAMP_POSITIVES),
  /** The authors' CIFAR script: a = 10, b learnable from 0, alpha = 1, m = 0, clamp(s - 0.5, 0, 1) positives, sum over 2B - 1. */
  OFFICIAL_CIFAR("official-cifar", 10.0, false, 0.0, true, 1.0, false, 0.0, 0.0, 1.0,
      NegativeSet.ALL_OTHERS, NegativeReduction.SUM, true),
  /**
   * Only the weighting of the authors' teacher-student script, carried over to two views of one
   * network: a = 10, b = 0, alpha = 1, m = 0, 32 / B times the sum over the B - 1 other images of the
   * other view. It is not the authors' ImageNet objective (docs/LOSSES.md, "The teacher-student objective").
   */
  IMAGENET_WEIGHTING("imagenet-weighting", 10.0, false, 0.0, false, 1.0, false, 0.0, 0.0, 32.0,
      NegativeSet.OTHER_VIEW, NegativeReduction.SUM_OVER_BATCH, false);

  private final String label;
  final double a;
  final boolean aLearnable;
  final double b;
  final boolean bLearnable;
  final double alpha;
  final boolean alphaAscent;
  final double alphaLr;
  final double margin;
  final double negWeight;
  final NegativeSet negatives;
  final NegativeReduction reduction;
  final boolean clampPositives;

  AucClPreset(String label, double a, boolean aLearnable, double b, boolean bLearnable, double alpha,
      boolean alphaAscent, double alphaLr, double margin, double negWeight, NegativeSet negatives,
      NegativeReduction reduction, boolean clampPositives) {
    this.label = label;
    this.a = a;
    this.aLearnable = aLearnable;
    this.b = b;
    this.bLearnable = bLearnable;
    this.alpha = alpha;
    this.alphaAscent = alphaAscent;
    this.alphaLr = alphaLr;
    this.margin = margin;
    this.negWeight = negWeight;
    this.negatives = negatives;
    this.reduction = reduction;
    this.clampPositives = clampPositives;
  }

  /** The preset's settings. */
  public AucClSettings settings() {
    return new AucClSettings(this, a, aLearnable, b, bLearnable, alpha, alphaAscent, alphaLr, margin,
        negWeight, negatives, reduction, clampPositives);
  }

  /** Whether the preset fixes every knob (all but {@code default} do, so that they stay exact). */
  public boolean isFixed() {
    return this != DEFAULT;
  }

  /** Null if {@code s} agrees with this preset where it is fixed, else the name of the first knob that differs. */
  String firstDifference(AucClSettings.Raw s) {
    if (!isFixed()) {
      return null;
    }
    if (s.a() != a) return "a = " + a;
    if (s.aLearnable() != aLearnable) return "a " + (aLearnable ? "learnable" : "fixed");
    if (s.b() != b) return "b = " + b + " initially";
    if (s.bLearnable() != bLearnable) return "b " + (bLearnable ? "learnable" : "fixed");
    if (s.alpha() != alpha) return "alpha = " + alpha;
    if (s.alphaAscent() != alphaAscent) return "alpha " + (alphaAscent ? "by ascent" : "fixed");
    if (s.margin() != margin) return "margin m = " + margin;
    if (s.negWeight() != negWeight) return "negative weight w = " + negWeight;
    if (s.negatives() != negatives) return "negatives = " + negatives;
    if (s.reduction() != reduction) return "negative reduction = " + reduction;
    if (s.clampPositives() != clampPositives) return "positive clamping " + (clampPositives ? "on" : "off");
    return null;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The name {@link #IMAGENET_WEIGHTING} had before it was renamed; refused with a pointer to the new one. */
  static final String OLD_IMAGENET_NAME = "official-imagenet";

  public static AucClPreset parse(String text) {
    if (OLD_IMAGENET_NAME.equalsIgnoreCase(text)) {
      throw new IllegalArgumentException("The AUC-CL preset '" + OLD_IMAGENET_NAME + "' is now called '"
          + IMAGENET_WEIGHTING + "', as it carries only the weighting of the authors' teacher-student script.");
    }
    for (AucClPreset p : values()) {
      if (p.label.equalsIgnoreCase(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown AUC-CL preset '" + text + "'; expected one of "
        + Arrays.stream(values()).map(AucClPreset::toString).collect(Collectors.joining(", ")) + ".");
  }
}
