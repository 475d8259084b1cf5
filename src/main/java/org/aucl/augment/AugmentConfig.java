package org.aucl.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every knob of the two-view augmentation, as one immutable value (presets in {@link AugmentPresets}).
 *
 * <p>A training view is: {@link RandomResizedCrop} to the output size, {@link HorizontalFlip},
 * {@link ColorJitter}, {@link RandomGrayscale}, {@link GaussianBlur}, {@link Solarize},
 * {@link Normalize}, in that order (the SimCLR/BYOL order); steps with probability or strength 0 are
 * left out. Blur and solarisation probabilities may differ between the two views (BYOL's asymmetry).
 * The evaluation transform is {@link Resize} to the output size (when it differs) and
 * {@link Normalize}.
 *
 * @param outputSize side of the square output; 0 keeps the dataset's height and width
 * @param blurKernel odd kernel size; 0 picks {@link GaussianBlur#kernelSizeFor} of the output size
 * @param mean normalisation mean: one value per channel, or one for all (see {@link Normalize#forChannels})
 */
public record AugmentConfig(
    int outputSize,
    double scaleMin,
    double scaleMax,
    double ratioMin,
    double ratioMax,
    double flipP,
    double brightness,
    double contrast,
    double saturation,
    double hue,
    double jitterP,
    double grayP,
    int blurKernel,
    double sigmaMin,
    double sigmaMax,
    double blurP1,
    double blurP2,
    double solarizeThreshold,
    double solarizeP1,
    double solarizeP2,
    float[] mean,
    float[] std) {

  public AugmentConfig {
    if (outputSize < 0) {
      throw new IllegalArgumentException("output size must be >= 0 (0 = the dataset's size), got " + outputSize + ".");
    }
    if (blurKernel < 0 || (blurKernel > 0 && blurKernel % 2 == 0)) {
      throw new IllegalArgumentException("blur kernel size must be odd (or 0 for automatic), got " + blurKernel + ".");
    }
    mean = mean.clone();
    std = std.clone();
    // the transforms' constructors check the remaining ranges; build one of each now to fail early
    new RandomResizedCrop(1, 1, scaleMin, scaleMax, ratioMin, ratioMax);
    new HorizontalFlip(flipP);
    new ColorJitter(brightness, contrast, saturation, hue, jitterP);
    new RandomGrayscale(grayP);
    new GaussianBlur(3, sigmaMin, sigmaMax, blurP1);
    new GaussianBlur(3, sigmaMin, sigmaMax, blurP2);
    new Solarize(solarizeThreshold, solarizeP1);
    new Solarize(solarizeThreshold, solarizeP2);
    new Normalize(mean, std);
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  /** Shape of the views and evaluation images for input images of shape {@code in}. */
  public ImageShape outputShape(ImageShape in) {
    return outputSize == 0 ? in : in.withSize(outputSize, outputSize);
  }

  /** The training transform of view {@code v} (0 or 1) for input images of shape {@code in}. */
  public ViewPipeline view(int v, ImageShape in) {
    if (v != 0 && v != 1) {
      throw new IllegalArgumentException("view must be 0 or 1, got " + v + ".");
    }
    ImageShape out = outputShape(in);
    List<ViewTransform> steps = new ArrayList<>();
    steps.add(new RandomResizedCrop(out.height(), out.width(), scaleMin, scaleMax, ratioMin, ratioMax));
    if (flipP > 0) {
      steps.add(new HorizontalFlip(flipP));
    }
    if (jitterP > 0 && (brightness > 0 || contrast > 0 || saturation > 0 || hue > 0)) {
      steps.add(new ColorJitter(brightness, contrast, saturation, hue, jitterP));
    }
    if (grayP > 0) {
      steps.add(new RandomGrayscale(grayP));
    }
    double blurP = v == 0 ? blurP1 : blurP2;
    if (blurP > 0) {
      int k = blurKernel > 0 ? blurKernel : GaussianBlur.kernelSizeFor(Math.min(out.height(), out.width()));
      steps.add(new GaussianBlur(k, sigmaMin, sigmaMax, blurP));
    }
    double solarizeP = v == 0 ? solarizeP1 : solarizeP2;
    if (solarizeP > 0) {
      steps.add(new Solarize(solarizeThreshold, solarizeP));
    }
    steps.add(Normalize.forChannels(mean, std, in.channels()));
    return new ViewPipeline(steps);
  }

  /** The evaluation transform (resize when needed, normalise) for input images of shape {@code in}. */
  public ViewPipeline eval(ImageShape in) {
    return eval(in, false);
  }

  /**
   * The evaluation transform for images of shape {@code in}, or of shapes of their own when
   * {@code shapesVary} ({@code in} then the nominal square): images that are not square, or may not be,
   * are resized to the output side on their short side and centre-cropped ({@link CenterCrop},
   * torchvision's {@code Resize(s)} and {@code CenterCrop(s)}); square ones are resized when their size
   * differs; then normalised.
   */
  public ViewPipeline eval(ImageShape in, boolean shapesVary) {
    ImageShape out = outputShape(in);
    List<ViewTransform> steps = new ArrayList<>();
    boolean square = out.height() == out.width();
    if (square && (shapesVary || in.height() != in.width())) {
      steps.add(new CenterCrop(out.height()));
    } else if (!out.equals(in)) {
      steps.add(new Resize(out.height(), out.width()));
    }
    steps.add(Normalize.forChannels(mean, std, in.channels()));
    return new ViewPipeline(steps);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "AugmentConfig[outputSize=" + outputSize + ", scale=(" + scaleMin + ", " + scaleMax + "), ratio=("
        + ratioMin + ", " + ratioMax + "), flipP=" + flipP + ", jitter=(" + brightness + ", " + contrast + ", "
        + saturation + ", " + hue + ") p=" + jitterP + ", grayP=" + grayP + ", blur(kernel=" + blurKernel
        + ", sigma=(" + sigmaMin + ", " + sigmaMax + "), p=" + blurP1 + "/" + blurP2 + "), solarize(threshold="
        + solarizeThreshold + ", p=" + solarizeP1 + "/" + solarizeP2 + "), mean=" + Arrays.toString(mean)
        + ", std=" + Arrays.toString(std) + "]";
  }

  /**
   * Builder; defaults: torchvision's crop (scale (0.08, 1), ratio (3/4, 4/3)), flip 0.5, no jitter, no
   * grayscale, blur sigma (0.1, 2) but probability 0, solarise threshold 0.5 but probability 0, mean
   * 0.5 and std 0.5.
   */
  public static final class Builder {
    private int outputSize = 0;
    private double scaleMin = 0.08;
    private double scaleMax = 1.0;
    private double ratioMin = 3.0 / 4.0;
    private double ratioMax = 4.0 / 3.0;
    private double flipP = 0.5;
    private double brightness;
    private double contrast;
    private double saturation;
    private double hue;
    private double jitterP;
    private double grayP;
    private int blurKernel;
    private double sigmaMin = 0.1;
    private double sigmaMax = 2.0;
    private double blurP1;
    private double blurP2;
    private double solarizeThreshold = 0.5;
    private double solarizeP1;
    private double solarizeP2;
    private float[] mean = {0.5f};
    private float[] std = {0.5f};

    private Builder() {}

    private Builder(AugmentConfig c) {
      outputSize = c.outputSize;
      scaleMin = c.scaleMin;
      scaleMax = c.scaleMax;
      ratioMin = c.ratioMin;
      ratioMax = c.ratioMax;
      flipP = c.flipP;
      brightness = c.brightness;
      contrast = c.contrast;
      saturation = c.saturation;
      hue = c.hue;
      jitterP = c.jitterP;
      grayP = c.grayP;
      blurKernel = c.blurKernel;
      sigmaMin = c.sigmaMin;
      sigmaMax = c.sigmaMax;
      blurP1 = c.blurP1;
      blurP2 = c.blurP2;
      solarizeThreshold = c.solarizeThreshold;
      solarizeP1 = c.solarizeP1;
      solarizeP2 = c.solarizeP2;
      mean = c.mean.clone();
      std = c.std.clone();
    }

    public Builder optOutputSize(int size) {
      outputSize = size;
      return this;
    }

    public Builder optScale(double min, double max) {
      scaleMin = min;
      scaleMax = max;
      return this;
    }

    public Builder optRatio(double min, double max) {
      ratioMin = min;
      ratioMax = max;
      return this;
    }

    public Builder optFlip(double p) {
      flipP = p;
      return this;
    }

    /** Colour jitter strengths (as torchvision's ColorJitter) applied with probability {@code p}. */
    public Builder optJitter(double brightness, double contrast, double saturation, double hue, double p) {
      this.brightness = brightness;
      this.contrast = contrast;
      this.saturation = saturation;
      this.hue = hue;
      this.jitterP = p;
      return this;
    }

    public Builder optGrayscale(double p) {
      grayP = p;
      return this;
    }

    /** Blur kernel (odd, or 0 for 10% of the output size), sigma range, probability per view. */
    public Builder optBlur(int kernel, double sigmaMin, double sigmaMax, double pView1, double pView2) {
      blurKernel = kernel;
      this.sigmaMin = sigmaMin;
      this.sigmaMax = sigmaMax;
      blurP1 = pView1;
      blurP2 = pView2;
      return this;
    }

    public Builder optSolarize(double threshold, double pView1, double pView2) {
      solarizeThreshold = threshold;
      solarizeP1 = pView1;
      solarizeP2 = pView2;
      return this;
    }

    public Builder optNormalize(float[] mean, float[] std) {
      this.mean = mean.clone();
      this.std = std.clone();
      return this;
    }

    public AugmentConfig build() {
      return new AugmentConfig(
          outputSize, scaleMin, scaleMax, ratioMin, ratioMax, flipP, brightness, contrast, saturation, hue,
          jitterP, grayP, blurKernel, sigmaMin, sigmaMax, blurP1, blurP2, solarizeThreshold, solarizeP1,
          solarizeP2, mean, std);
    }
  }
}
