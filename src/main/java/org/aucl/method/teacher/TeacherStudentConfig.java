package org.aucl.method.teacher;

import org.aucl.augment.MultiCropConfig;

/**
 * The settings of the teacher-student method (docs/METHODS.md) beyond the network, the learning rate
 * and the schedule that every method shares. {@link #defaults()} owns every default: DINO's values
 * except the head and the crops, which are sized for 28 x 28 images on a CPU (DINO: head 2048 / 256 /
 * 65,536, 8 local crops of 96 pixels for 224-pixel images).
 *
 * @param headHidden hidden width of the DINO head's MLP (DINO: 2048)
 * @param headBottleneck the bottleneck before the weight-normalised last layer (DINO: 256)
 * @param headOut K, the outputs of the last layer (DINO: 65,536)
 * @param localCrops c, local crops per image (DINO: 8)
 * @param localSize side of a local crop in pixels (DINO: 96)
 * @param globalScaleMin smallest fraction of the image a global crop covers (DINO: 0.4; largest 1)
 * @param localScaleMin smallest fraction of the image a local crop covers (DINO: 0.05)
 * @param localScaleMax largest fraction of the image a local crop covers (DINO: 0.4)
 * @param teacherTempStart the teacher temperature of the first epoch (DINO: 0.04)
 * @param teacherTemp the teacher temperature after the warm-up (DINO: 0.07)
 * @param teacherTempWarmupEpochs epochs of the linear warm-up; not shortened to the run's length, so a
 *     shorter run stops part of the way (DINO: 30)
 * @param studentTemp tau_s (DINO and the authors: 0.1)
 * @param teacherMomentum the teacher's EMA momentum at step 0, rising to 1 by a cosine (DINO: 0.996)
 * @param weightDecayStart weight decay at step 0, following a cosine to {@code weightDecayEnd} (DINO: 0.04)
 * @param weightDecayEnd weight decay at the last step (DINO: 0.4)
 * @param clipNorm per-tensor gradient clipping norm; 0 turns clipping off (DINO: 3)
 * @param freezeLastLayerEpochs epochs during which the head's last layer is not updated (DINO: 1)
 * @param centerMomentum momentum of the teacher output centre (DINO: 0.9)
 * @param negativeWeight the weight of the negatives in the objective, whose sum over an image's N - 1
 *     negatives is scaled by {@code negativeWeight / N} (the authors: 32); null (a run directory
 *     written before the option existed) reads as 32
 */
public record TeacherStudentConfig(
    int headHidden, int headBottleneck, int headOut, int localCrops, int localSize, double globalScaleMin,
    double localScaleMin, double localScaleMax, double teacherTempStart, double teacherTemp,
    int teacherTempWarmupEpochs, double studentTemp, double teacherMomentum, double weightDecayStart,
    double weightDecayEnd, double clipNorm, int freezeLastLayerEpochs, double centerMomentum,
    Double negativeWeight) {

  public TeacherStudentConfig {
    if (negativeWeight == null) {
      negativeWeight = DEFAULT_NEGATIVE_WEIGHT;
    }
    if (headHidden < 1 || headBottleneck < 1 || headOut < 1 || headHidden > MAX_HEAD || headBottleneck > MAX_HEAD
        || headOut > MAX_HEAD_OUT) {
      throw new IllegalArgumentException("The head sizes must be positive, at most " + MAX_HEAD + " (hidden, bottleneck) and "
          + MAX_HEAD_OUT + " (--head-out), got hidden " + headHidden + ", bottleneck " + headBottleneck + ", out " + headOut + ".");
    }
    if (localCrops > MAX_LOCAL_CROPS) {
      throw new IllegalArgumentException("--local-crops must be at most " + MAX_LOCAL_CROPS + ", got " + localCrops + ".");
    }
    new MultiCropConfig(28, globalScaleMin, 1.0, localCrops, localSize, localScaleMin, localScaleMax); // checks the crops
    new TeacherTemperature(teacherTempStart, teacherTemp, teacherTempWarmupEpochs);
    TeacherStudentAucClLoss.builder().optStudentTemperature(studentTemp).optNegativeWeight(negativeWeight).build();
    if (!(teacherMomentum >= 0 && teacherMomentum <= 1)) {
      throw new IllegalArgumentException("The teacher momentum must be in [0, 1], got " + teacherMomentum + ".");
    }
    if (!(weightDecayStart >= 0) || !(weightDecayEnd >= 0) || Double.isInfinite(weightDecayStart)
        || Double.isInfinite(weightDecayEnd)) {
      throw new IllegalArgumentException("The weight decays must be finite and >= 0, got " + weightDecayStart
          + " and " + weightDecayEnd + ".");
    }
    if (!(clipNorm >= 0) || freezeLastLayerEpochs < 0 || !(centerMomentum >= 0 && centerMomentum <= 1)) {
      throw new IllegalArgumentException("The clipping norm and the freeze epochs must be >= 0 and the centre"
          + " momentum in [0, 1], got " + clipNorm + ", " + freezeLastLayerEpochs + " and " + centerMomentum + ".");
    }
  }

  /** A builder holding the defaults (DINO's values, the head and crops sized for 28 x 28 images on a CPU). */
  public static Builder builder() {
    return new Builder();
  }

  /** DINO's settings with a head and crops sized for Fashion-MNIST on a CPU (512 / 128 / 4096; 4 crops of 12). */
  public static TeacherStudentConfig defaults() {
    return builder().build();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.headHidden = headHidden;
    b.headBottleneck = headBottleneck;
    b.headOut = headOut;
    b.localCrops = localCrops;
    b.localSize = localSize;
    b.globalScaleMin = globalScaleMin;
    b.localScaleMin = localScaleMin;
    b.localScaleMax = localScaleMax;
    b.teacherTempStart = teacherTempStart;
    b.teacherTemp = teacherTemp;
    b.teacherTempWarmupEpochs = teacherTempWarmupEpochs;
    b.studentTemp = studentTemp;
    b.teacherMomentum = teacherMomentum;
    b.weightDecayStart = weightDecayStart;
    b.weightDecayEnd = weightDecayEnd;
    b.clipNorm = clipNorm;
    b.freezeLastLayerEpochs = freezeLastLayerEpochs;
    b.centerMomentum = centerMomentum;
    b.negativeWeight = negativeWeight;
    return b;
  }

  /** The crops for images that enter the network at {@code globalSize} pixels. */
  public MultiCropConfig crops(int globalSize) {
    return new MultiCropConfig(globalSize, globalScaleMin, 1.0, localCrops, localSize, localScaleMin, localScaleMax);
  }

  /** The teacher temperature per epoch. */
  public TeacherTemperature temperature() {
    return new TeacherTemperature(teacherTempStart, teacherTemp, teacherTempWarmupEpochs);
  }

  /** The largest head layers (DINO's K is 65,536). */
  public static final int MAX_HEAD = 65536;
  public static final int MAX_HEAD_OUT = 1 << 20;
  /** More local crops than this only take memory (DINO: 8). */
  public static final int MAX_LOCAL_CROPS = 64;

  /** Default local crops per image (DINO: 8). */
  public static final int DEFAULT_LOCAL_CROPS = 4;

  /** Default side of a local crop, for 28-pixel images (DINO: 96 for 224). */
  public static final int DEFAULT_LOCAL_SIZE = 12;

  /** Default K, the head's outputs (DINO: 65,536). */
  public static final int DEFAULT_HEAD_OUT = 4096;

  /** Default weight of the negatives (the authors' 32). */
  public static final double DEFAULT_NEGATIVE_WEIGHT = TeacherStudentAucClLoss.AUTHORS_NEGATIVE_WEIGHT;

  /** Default teacher momentum at step 0 (DINO's 0.996). */
  public static final double DEFAULT_TEACHER_MOMENTUM = 0.996;

  /** Default epochs of the teacher temperature's warm-up (DINO's recommended 30). */
  public static final int DEFAULT_TEMP_WARMUP_EPOCHS = 30;

  /** Builds {@link TeacherStudentConfig}; each knob starts at its default, named by the field's comment. */
  public static final class Builder {
    private int headHidden = 512; // DINO: 2048
    private int headBottleneck = 128; // DINO: 256
    private int headOut = DEFAULT_HEAD_OUT;
    private int localCrops = DEFAULT_LOCAL_CROPS;
    private int localSize = DEFAULT_LOCAL_SIZE;
    private double globalScaleMin = 0.4; // DINO
    private double localScaleMin = 0.05; // DINO
    private double localScaleMax = 0.4; // DINO
    private double teacherTempStart = 0.04; // DINO
    private double teacherTemp = 0.07; // DINO
    private int teacherTempWarmupEpochs = DEFAULT_TEMP_WARMUP_EPOCHS;
    private double studentTemp = 0.1; // DINO and the authors
    private double teacherMomentum = DEFAULT_TEACHER_MOMENTUM;
    private double weightDecayStart = 0.04; // DINO
    private double weightDecayEnd = 0.4; // DINO
    private double clipNorm = 3.0; // DINO
    private int freezeLastLayerEpochs = 1; // DINO
    private double centerMomentum = 0.9; // DINO
    private Double negativeWeight = DEFAULT_NEGATIVE_WEIGHT;

    private Builder() {}

    /** The DINO head's hidden width, bottleneck and outputs K. */
    public Builder optHead(int hidden, int bottleneck, int out) {
      this.headHidden = hidden;
      this.headBottleneck = bottleneck;
      this.headOut = out;
      return this;
    }

    public Builder optHeadOut(int k) {
      this.headOut = k;
      return this;
    }

    public Builder optLocalCrops(int count, int side) {
      this.localCrops = count;
      this.localSize = side;
      return this;
    }

    public Builder optLocalCropCount(int count) {
      this.localCrops = count;
      return this;
    }

    public Builder optLocalCropSize(int side) {
      this.localSize = side;
      return this;
    }

    /** The area ranges of the crops: global [min, 1], local [min, max]. */
    public Builder optCropScales(double globalMin, double localMin, double localMax) {
      this.globalScaleMin = globalMin;
      this.localScaleMin = localMin;
      this.localScaleMax = localMax;
      return this;
    }

    /** The teacher temperature's start, its value after the warm-up, and the warm-up in epochs. */
    public Builder optTeacherTemperature(double start, double end, int warmupEpochs) {
      this.teacherTempStart = start;
      this.teacherTemp = end;
      this.teacherTempWarmupEpochs = warmupEpochs;
      return this;
    }

    public Builder optTeacherTempWarmupEpochs(int epochs) {
      this.teacherTempWarmupEpochs = epochs;
      return this;
    }

    public Builder optStudentTemperature(double t) {
      this.studentTemp = t;
      return this;
    }

    public Builder optTeacherMomentum(double m0) {
      this.teacherMomentum = m0;
      return this;
    }

    public Builder optWeightDecay(double start, double end) {
      this.weightDecayStart = start;
      this.weightDecayEnd = end;
      return this;
    }

    public Builder optClipNorm(double norm) {
      this.clipNorm = norm;
      return this;
    }

    public Builder optFreezeLastLayerEpochs(int epochs) {
      this.freezeLastLayerEpochs = epochs;
      return this;
    }

    public Builder optCenterMomentum(double m) {
      this.centerMomentum = m;
      return this;
    }

    public Builder optNegativeWeight(double w) {
      this.negativeWeight = w;
      return this;
    }

    /** The settings, checked. */
    public TeacherStudentConfig build() {
      return new TeacherStudentConfig(headHidden, headBottleneck, headOut, localCrops, localSize, globalScaleMin,
          localScaleMin, localScaleMax, teacherTempStart, teacherTemp, teacherTempWarmupEpochs, studentTemp,
          teacherMomentum, weightDecayStart, weightDecayEnd, clipNorm, freezeLastLayerEpochs, centerMomentum,
          negativeWeight);
    }
  }
}
