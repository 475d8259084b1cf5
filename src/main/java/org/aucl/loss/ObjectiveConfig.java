package org.aucl.loss;

import java.util.Locale;

/**
 * Every knob of every objective, as one immutable record (written to a run's config.json).
 *
 * @param loss registry name of the objective ({@link Objectives#names()})
 * @param auc AUC-CL's settings, preset included (ignored by the other objectives)
 * @param temperature tau of NT-Xent, DCL and SogCLR (at least {@link #MIN_TEMPERATURE}; this record is
 *     the one place that checks it)
 * @param sogclrGamma SogCLR's moving-average weight gamma, in (0, 1]
 */
public record ObjectiveConfig(String loss, AucClSettings auc, double temperature, double sogclrGamma) {
  /** Default temperature of NT-Xent and DCL (docs/LOSSES.md: 0.5 for CIFAR-size runs). */
  public static final double DEFAULT_TEMPERATURE = 0.5;
  /** Default temperature of SogCLR (LibAUC's GCLoss_v1 default). */
  public static final double DEFAULT_SOGCLR_TEMPERATURE = 0.1;
  /** Default SogCLR gamma (LibAUC's GCLoss_v1 default). */
  public static final double DEFAULT_SOGCLR_GAMMA = 0.9;
  /** Smallest accepted temperature: below it exp(z.z'/tau) leaves float32's range. */
  public static final double MIN_TEMPERATURE = 0.01;

  public ObjectiveConfig {
    if (loss == null || loss.isBlank()) {
      throw new IllegalArgumentException("The objective needs a loss name.");
    }
    if (auc == null) {
      throw new IllegalArgumentException("The objective needs AUC-CL settings (use AucClSettings.defaults()).");
    }
    if (!(temperature >= MIN_TEMPERATURE) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("The temperature must be a finite number of at least " + MIN_TEMPERATURE
          + " (near 0 the exponentials overflow), got " + temperature + ".");
    }
    if (!(sogclrGamma > 0 && sogclrGamma <= 1)) {
      throw new IllegalArgumentException("The SogCLR gamma must lie in (0, 1], got " + sogclrGamma + ".");
    }
  }

  /** The defaults for {@code loss}: AUC-CL's default preset, the loss's default temperature, gamma 0.9. */
  public static ObjectiveConfig of(String loss) {
    return new ObjectiveConfig(loss, AucClSettings.defaults(), defaultTemperature(loss), DEFAULT_SOGCLR_GAMMA);
  }

  /** {@link #DEFAULT_SOGCLR_TEMPERATURE} for SogCLR, else {@link #DEFAULT_TEMPERATURE}. */
  public static double defaultTemperature(String loss) {
    boolean sogclr = loss != null && loss.trim().toLowerCase(Locale.ROOT).equals(SogClrObjective.NAME);
    return sogclr ? DEFAULT_SOGCLR_TEMPERATURE : DEFAULT_TEMPERATURE;
  }

  public ObjectiveConfig withAuc(AucClSettings v) {
    return new ObjectiveConfig(loss, v, temperature, sogclrGamma);
  }

  public ObjectiveConfig withTemperature(double v) {
    return new ObjectiveConfig(loss, auc, v, sogclrGamma);
  }

  public ObjectiveConfig withSogclrGamma(double v) {
    return new ObjectiveConfig(loss, auc, temperature, v);
  }
}
