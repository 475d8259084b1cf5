package org.aucl.cli;

import org.aucl.augment.AugmentConfig;
import org.aucl.util.UserException;
import picocli.CommandLine.Option;

/**
 * Overrides of an augmentation preset's knobs (mix in with {@code @Mixin AugmentOptions augment;}).
 * An option left out keeps the preset's value; a value out of range is refused with one sentence.
 */
public final class AugmentOptions {
  @Option(names = "--crop-scale", split = ",", paramLabel = "MIN,MAX", hideParamSyntax = true,
      description = "Random resized crop's area range, e.g. 0.2,1 (default: the preset's).")
  double[] cropScale;

  @Option(names = "--flip", paramLabel = "P", description = "Horizontal flip probability (default: the preset's).")
  Double flip;

  @Option(names = "--jitter", split = ",", paramLabel = "B,C,S,H,P", hideParamSyntax = true,
      description = "Colour jitter strengths (brightness, contrast, saturation, hue) and probability, e.g. 0.8,0.8,0,0,0.8 (default: the preset's).")
  double[] jitter;

  @Option(names = "--blur", split = ",", paramLabel = "P1[,P2]", hideParamSyntax = true,
      description = "Gaussian blur probability of view 1 and view 2 (one number: both) (default: the preset's).")
  double[] blur;

  @Option(names = "--solarize", split = ",", paramLabel = "P1[,P2]", hideParamSyntax = true,
      description = "Solarisation probability of view 1 and view 2 (one number: both) (default: the preset's).")
  double[] solarize;

  /** {@code preset} with the given overrides applied. */
  public AugmentConfig.Builder apply(AugmentConfig preset) {
    AugmentConfig.Builder b = preset.toBuilder();
    if (cropScale != null) {
      b.optScale(count("--crop-scale", cropScale, 2, "MIN,MAX, e.g. 0.2,1")[0], cropScale[1]);
    }
    if (flip != null) {
      b.optFlip(flip);
    }
    if (jitter != null) {
      double[] j = count("--jitter", jitter, 5, "B,C,S,H,P, e.g. 0.8,0.8,0,0,0.8");
      b.optJitter(j[0], j[1], j[2], j[3], j[4]);
    }
    if (blur != null) {
      double[] p = perView("--blur", blur);
      b.optBlur(preset.blurKernel(), preset.sigmaMin(), preset.sigmaMax(), p[0], p[1]);
    }
    if (solarize != null) {
      double[] p = perView("--solarize", solarize);
      b.optSolarize(preset.solarizeThreshold(), p[0], p[1]);
    }
    return b;
  }

  /** The built configuration; a knob out of range becomes one sentence naming it. */
  public AugmentConfig build(AugmentConfig preset, int outputSize) {
    try {
      return apply(preset).optOutputSize(outputSize).build();
    } catch (IllegalArgumentException e) {
      throw new UserException("augmentation: " + e.getMessage(), e);
    }
  }

  /** Hands the given overrides to a run's builder, applied to whatever preset the run resolves. */
  void applyTo(org.aucl.spec.RunSpec.Builder b) {
    if (cropScale != null || flip != null || jitter != null || blur != null || solarize != null) {
      b.optAugmentEdits(builder -> {
        AugmentConfig preset = builder.build();
        return apply(preset);
      });
    }
  }

  private static double[] count(String option, double[] values, int n, String form) {
    if (values.length != n) {
      throw new UserException(option + " takes " + n + " numbers, " + form + ".");
    }
    return values;
  }

  private static double[] perView(String option, double[] values) {
    if (values.length == 1) {
      return new double[] {values[0], values[0]};
    }
    return count(option, values, 2, "P1,P2 (or one probability for both views)");
  }
}
