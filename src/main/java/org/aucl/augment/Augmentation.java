package org.aucl.augment;

/**
 * A configuration resolved for one input shape: the two training view transforms, the evaluation
 * transform, and the shape they all produce. The two views are the same transform unless the
 * configuration makes blur or solarisation asymmetric.
 */
public record Augmentation(
    String preset,
    AugmentConfig config,
    ImageShape input,
    ImageShape output,
    ViewTransform view1,
    ViewTransform view2,
    ViewTransform eval) {

  /** Resolves {@code config} for images of shape {@code input}. */
  public static Augmentation of(String preset, AugmentConfig config, ImageShape input) {
    return of(preset, config, input, false);
  }

  /**
   * Resolves {@code config} for images of shape {@code input}, or of their own shapes when
   * {@code shapesVary} ({@code input} the nominal one: the training crops take any shape, the
   * evaluation resizes the short side and crops the centre).
   */
  public static Augmentation of(String preset, AugmentConfig config, ImageShape input, boolean shapesVary) {
    return new Augmentation(
        preset, config, input, config.outputShape(input), config.view(0, input), config.view(1, input),
        config.eval(input, shapesVary));
  }

  public int outputSize() {
    return output.height();
  }

  public int channels() {
    return output.channels();
  }
}
