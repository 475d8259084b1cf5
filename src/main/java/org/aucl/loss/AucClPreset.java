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
  DEFAULT("default", b -> b),
  /** The authors' CIFAR script: a = 10, b learnable from 0, alpha = 1, m = 0, clamp(s - 0.5, 0, 1) positives, sum over 2B - 1. */
  OFFICIAL_CIFAR("official-cifar", b -> b.optA(10, false).optB(0, true).optAlpha(1, false, 0)
      .optMargin(0).optNegatives(1, NegativeSet.ALL_OTHERS, NegativeReduction.SUM).optClampPositives(true)),
  /**
   * Only the weighting of the authors' teacher-student script, carried over to two views of one
   * network: a = 10, b = 0, alpha = 1, m = 0, 32 / B times the sum over the B - 1 other images of the
   * other view. It is not the authors' ImageNet objective (docs/LOSSES.md, "The teacher-student objective").
   */
  IMAGENET_WEIGHTING("imagenet-weighting", b -> b.optA(10, false).optB(0, false).optAlpha(1, false, 0)
      .optMargin(0).optNegatives(32, NegativeSet.OTHER_VIEW, NegativeReduction.SUM_OVER_BATCH).optClampPositives(false));

  private final String label;
  private final java.util.function.UnaryOperator<AucClSettings.Builder> knobs;
  private AucClSettings settings;

  AucClPreset(String label, java.util.function.UnaryOperator<AucClSettings.Builder> knobs) {
    this.label = label;
    this.knobs = knobs;
  }

  /** The preset's settings. */
  public synchronized AucClSettings settings() {
    if (settings == null) {
      // the knobs are set on a default-preset builder (which checks nothing), then named after this preset
      AucClSettings k = knobs.apply(AucClSettings.builder()).build();
      settings = new AucClSettings(this, k.a(), k.aLearnable(), k.b(), k.bLearnable(), k.alpha(), k.alphaAscent(),
          k.alphaLr(), k.margin(), k.negWeight(), k.negatives(), k.reduction(), k.clampPositives());
    }
    return settings;
  }

  /** Whether the preset fixes every knob (all but {@code default} do, so that they stay exact). */
  public boolean isFixed() {
    return this != DEFAULT;
  }

  /** Null if {@code s} agrees with this preset where it is fixed, else the first knob that differs, with the preset's value. */
  String firstDifference(AucClSettings s) {
    if (!isFixed() || s.sameKnobs(settings())) {
      return null;
    }
    AucClSettings p = settings();
    if (s.a() != p.a()) return "a = " + p.a();
    if (s.aLearnable() != p.aLearnable()) return "a " + (p.aLearnable() ? "learnable" : "fixed");
    if (s.b() != p.b()) return "b = " + p.b() + " initially";
    if (s.bLearnable() != p.bLearnable()) return "b " + (p.bLearnable() ? "learnable" : "fixed");
    if (s.alpha() != p.alpha()) return "alpha = " + p.alpha();
    if (s.alphaAscent() != p.alphaAscent()) return "alpha " + (p.alphaAscent() ? "by ascent" : "fixed");
    if (s.margin() != p.margin()) return "margin m = " + p.margin();
    if (s.negWeight() != p.negWeight()) return "negative weight w = " + p.negWeight();
    if (s.negatives() != p.negatives()) return "negatives = " + p.negatives();
    if (s.reduction() != p.reduction()) return "negative reduction = " + p.reduction();
    return "positive clamping " + (p.clampPositives() ? "on" : "off");
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
