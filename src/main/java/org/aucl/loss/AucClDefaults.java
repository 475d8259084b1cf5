package org.aucl.loss;

/**
 * The values of AUC-CL's {@code default} preset (docs/LOSSES.md, "Presets"; why each one: docs/TUNING.md),
 * as compile-time constants: {@link AucClPreset#DEFAULT} is built from them, and the command line's help
 * texts quote them, so that each value is written once.
 */
public final class AucClDefaults {
  /** Target of positive scores; fixed. */
  public static final double A = 1.0;
  public static final boolean A_LEARNABLE = false;
  /** Centre of negative scores, learnable from this value. */
  public static final double B = 0.0;
  public static final boolean B_LEARNABLE = true;
  /** The dual variable, fixed unless the ascent is turned on (0.125 with w = 8: docs/RESULTS.md, part 5). */
  public static final double ALPHA = 0.125;
  public static final boolean ALPHA_ASCENT = false;
  /** Step size of alpha's projected ascent, used when the ascent is turned on. */
  public static final double ALPHA_LR = 0.01;
  public static final double MARGIN = 1.0;
  /** Weight w of the negative term. */
  public static final double NEG_WEIGHT = 8.0;
  /** Whether the partner view counts among the negatives (false: the 2B - 2 non-partner views). */
  public static final boolean INCLUDE_PARTNER = false;
  /** Label of the {@link NegativeReduction} of one anchor's negatives. */
  public static final String REDUCTION = "mean";
  /** Whether positive scores are clamp(s - 0.5, 0, 1) instead of s. */
  public static final boolean CLAMP_POSITIVES = false;

  private AucClDefaults() {}
}
