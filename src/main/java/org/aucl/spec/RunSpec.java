package org.aucl.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.aucl.augment.AugmentConfig;
import org.aucl.augment.AugmentPresets;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.method.TwoViewMethod;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;

/**
 * A pretraining run, described once: written in full to config.json, enough to rerun or resume it.
 * Built with {@link #builder()} (the dataset is required; everything else starts at the default job's
 * value and is checked in {@link Builder#build()}); the command line, a recipe ({@link Recipe}), a
 * sweep's grid point and a Java caller all go through that builder. Older config.json files read
 * through {@link RunSpecReader}.
 *
 * @param recipe the named bundle of settings the run started from ({@code default} or
 *     {@code official-cifar}); every value it set is recorded in the fields below
 * @param data where the images come from; its augmentation preset resolved
 * @param augment the views' settings; its output size is 0 (the dataset's) or the network's image size
 * @param net the network; its image size is the side at which images enter it
 * @param method the method with its own settings ({@link MethodSpec})
 * @param device auto, cpu or gpu
 */
@JsonDeserialize(using = RunSpecReader.class)
public record RunSpec(
    String recipe,
    DataSpec data,
    AugmentConfig augment,
    NetConfig net,
    MethodSpec method,
    OptimizerConfig optimizer,
    Schedule schedule,
    Monitor monitor,
    String device,
    long seed,
    Safety safety) {

  public static final String DEFAULT_RECIPE = "default";
  public static final String DEFAULT_DATASET = "fashion-mnist";
  public static final String DEFAULT_OPTIMIZER = "adamw";
  /** AdamW's rate in the default job (docs/TUNING.md, round 7). */
  public static final double DEFAULT_LR = 4e-3;
  public static final String DEFAULT_DEVICE = "auto";
  public static final long DEFAULT_SEED = 1;

  public RunSpec {
    if (recipe == null || data == null || augment == null || net == null || method == null || optimizer == null
        || schedule == null || monitor == null || device == null || safety == null) {
      throw new IllegalArgumentException("A run specification needs every part (use RunSpec.builder()).");
    }
    if (augment.outputSize() != 0 && augment.outputSize() != net.imageSize()) {
      throw new IllegalArgumentException(
          "the views are " + augment.outputSize() + " pixels wide but the network expects " + net.imageSize() + ".");
    }
    if (method instanceof TeacherStudentSpec ts && NetConfig.isVitArch(net.arch())
        && ts.settings().localCrops() > 0 && ts.settings().localSize() < net.patchSize()) {
      throw new IllegalArgumentException("--local-size " + ts.settings().localSize() + " is smaller than the ViT's patch ("
          + net.patchSize() + " pixels): use --local-size " + net.patchSize() + " or more, or a smaller --patch-size.");
    }
    if (!recipe.equals(DEFAULT_RECIPE) && !(method instanceof TwoViewSpec)) {
      throw new IllegalArgumentException("--recipe " + recipe + " is a recipe for --method " + TwoViewMethod.NAME
          + ", not " + method.name() + ".");
    }
  }

  /**
   * The default job (docs/TUNING.md): AUC-CL's default preset, two views of Fashion-MNIST, a ResNet-18
   * with the small stem at width 1/4, batch 64, 5 epochs, AdamW at 4e-3 with half an epoch of warm-up
   * and cosine decay, both views in one BatchNorm pass, the kNN monitor after epochs 2, 4 and 5.
   */
  public static RunSpec defaultJob() {
    return builder()
        .setData(DataSpec.builder().setDataset(DEFAULT_DATASET).optPreset("fashion-mnist").build())
        .optInput(1, 28)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this specification (building it again opens no dataset). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.recipe = recipe;
    b.data = data;
    b.augmentBase = augment;
    b.imageSize = augment.outputSize();
    b.inputChannels = net.inChannels();
    b.inputSide = net.imageSize();
    b.net = net.toBuilder();
    b.method = method;
    b.optimizer = optimizer;
    b.schedule = schedule;
    b.monitor = monitor;
    b.device = device;
    b.seed = seed;
    b.safety = safety;
    return b;
  }

  /** What the method, network and objective are, for refusing a checkpoint made for another run. */
  public String fingerprint() {
    String base = method.name() + " " + net.arch() + "/" + net.stem() + " width " + net.width() + ", "
        + net.inChannels() + "x" + net.imageSize() + "x" + net.imageSize() + ", projector " + net.projHidden() + "-"
        + net.projOut();
    return method instanceof TwoViewSpec t ? base + ", objective " + t.objective().loss() : base;
  }

  /**
   * True when a checkpoint's fingerprint is this run's. Checkpoints of teacher-student runs made while
   * every run recorded an objective end with one, which this method never used.
   */
  public boolean matchesFingerprint(String stored) {
    String own = fingerprint();
    return stored.equals(own) || (!(method instanceof TwoViewSpec) && stored.startsWith(own + ", objective "));
  }

  /** Opens split {@code split} of the dataset as this run reads it (image folders at the network's size). */
  public ImageDataset openSplit(String split) {
    return Datasets.open(data.dataset(), split, Path.of(data.dataDir()), data.readOptions(net.imageSize()));
  }

  /** The two-view method's settings; refuses another method. */
  public TwoViewSpec twoView() {
    if (method instanceof TwoViewSpec t) {
      return t;
    }
    throw new IllegalStateException("the run's method is " + method.name() + ", not " + TwoViewMethod.NAME + ".");
  }

  /**
   * Builds {@link RunSpec}. The dataset is required ({@link #setData}); the rest starts at the default
   * job's values. What depends on the dataset (the image channels and size, the augmentation preset)
   * is read from it in {@link #build()} unless given.
   */
  public static final class Builder {
    private String recipe = DEFAULT_RECIPE;
    private DataSpec data;
    private AugmentConfig augmentBase;
    private UnaryOperator<AugmentConfig.Builder> augmentEdits = UnaryOperator.identity();
    private int imageSize;
    private int inputChannels;
    private int inputSide;
    private NetConfig.Builder net = NetConfig.builder();
    private MethodSpec method = TwoViewSpec.defaults();
    private OptimizerConfig optimizer = OptimizerConfig.defaults(DEFAULT_OPTIMIZER).withLr(DEFAULT_LR);
    private Schedule schedule = Schedule.defaults();
    private Monitor monitor = Monitor.defaults();
    private boolean monitorAsked;
    private String device = DEFAULT_DEVICE;
    private long seed = DEFAULT_SEED;
    private Safety safety = Safety.DEFAULT;

    private Builder() {}

    public Builder setData(DataSpec d) {
      this.data = d;
      return this;
    }

    public DataSpec data() {
      return data;
    }

    /** The name of the recipe these settings come from ({@link Recipe#applyTo} sets it). */
    Builder recipe(String name) {
      this.recipe = name;
      return this;
    }

    public String recipeName() {
      return recipe;
    }

    /** The augmentation's settings in full, instead of the preset's. */
    public Builder optAugment(AugmentConfig config) {
      this.augmentBase = config;
      return this;
    }

    /** Changes to the augmentation (the preset's, or {@link #optAugment}'s), applied in {@link #build()}. */
    public Builder optAugmentEdits(UnaryOperator<AugmentConfig.Builder> edits) {
      UnaryOperator<AugmentConfig.Builder> before = augmentEdits;
      this.augmentEdits = b -> edits.apply(before.apply(b));
      return this;
    }

    /** Images are read, viewed and fed to the network at {@code side} x {@code side} (0: the dataset's size). */
    public Builder optImageSize(int side) {
      this.imageSize = side;
      return this;
    }

    /**
     * What the dataset gives, when known without opening it: its channels and side. The views keep
     * the dataset's size; a test or the default job uses it to build without reading images.
     */
    public Builder optInput(int channels, int side) {
      this.inputChannels = channels;
      this.inputSide = side;
      return this;
    }

    /** The network's settings, to change in place (its input comes from the data). */
    public NetConfig.Builder net() {
      return net;
    }

    public Builder optNet(NetConfig.Builder n) {
      this.net = n;
      return this;
    }

    public MethodSpec method() {
      return method;
    }

    public Builder optMethod(MethodSpec m) {
      this.method = m;
      return this;
    }

    public OptimizerConfig optimizer() {
      return optimizer;
    }

    public Builder optOptimizer(OptimizerConfig o) {
      this.optimizer = o;
      return this;
    }

    public Schedule schedule() {
      return schedule;
    }

    public Builder optSchedule(Schedule s) {
      this.schedule = s;
      return this;
    }

    public Monitor monitor() {
      return monitor;
    }

    /**
     * The kNN monitor's settings. Without this call the default monitor runs when the dataset has labels
     * and steps aside when it has none; with it, an unlabeled dataset is refused.
     */
    public Builder optMonitor(Monitor m) {
      this.monitor = m;
      this.monitorAsked = true;
      return this;
    }

    /** A recipe's monitor: like the default one, it steps aside on an unlabeled dataset. */
    Builder recipeMonitor(Monitor m) {
      this.monitor = m;
      return this;
    }

    public Builder optDevice(String d) {
      this.device = d;
      return this;
    }

    public Builder optSeed(long s) {
      this.seed = s;
      return this;
    }

    public Safety safety() {
      return safety;
    }

    public Builder optSafety(Safety s) {
      this.safety = s;
      return this;
    }

    /**
     * The specification, checked: a value out of range or a combination that cannot run is an
     * {@link IllegalArgumentException} naming it. Opens the dataset's training split if its channels,
     * size or augmentation preset are not given.
     */
    public RunSpec build() {
      if (data == null) {
        throw new IllegalArgumentException("A run needs a dataset (setData).");
      }
      int side = imageSize > 0 ? imageSize : inputSide;
      int channels = inputChannels;
      String preset = data.preset();
      ImageDataset probe = null;
      if (channels == 0 || side == 0) {
        probe = openTrain();
        channels = channels == 0 ? probe.channels() : channels;
        side = side == 0 ? probe.height() : side;
        preset = preset == null ? defaultPreset(probe.name(), channels, probe.height()) : preset;
      }
      Monitor watch = monitor;
      if (!monitorAsked && watch.knnEvery() > 0 && !knownLabelled()) {
        ImageDataset train = probe != null ? probe : openTrain();
        if (!train.labeled() || train.classNames().size() < 2) {
          watch = watch.withEvery(0); // nothing to classify: the monitor steps aside, and the run says so
        }
      }
      preset = preset == null ? defaultPreset(data.dataset(), channels, side) : preset;
      if (!AugmentPresets.contains(preset)) {
        throw new IllegalArgumentException("unknown --preset '" + preset + "': expected one of " + AugmentPresets.names() + ".");
      }
      AugmentConfig base = augmentBase != null ? augmentBase : AugmentPresets.config(preset);
      AugmentConfig aug = augmentEdits.apply(base.toBuilder()).optOutputSize(imageSize).build();
      NetConfig n = net.build(channels, side);
      return new RunSpec(recipe, data.withPreset(preset), aug, n, method, optimizer, schedule, watch, device, seed, safety);
    }

    private ImageDataset openTrain() {
      return Datasets.open(data.dataset(), "train", Path.of(data.dataDir()), data.readOptions(imageSize));
    }

    /** The named datasets and the generator have labelled training splits; a path must be looked at. */
    private boolean knownLabelled() {
      String key = data.dataset().trim().toLowerCase(Locale.ROOT);
      return Datasets.canonicalName(key).isPresent() || key.equals("synthetic") || key.startsWith("synthetic:");
    }

    /** fashion-mnist for grey images, imagenet for STL-10 and above 64 pixels, else cifar. */
    private static String defaultPreset(String dataset, int channels, int side) {
      if (channels == 1) {
        return "fashion-mnist";
      }
      return dataset.toLowerCase(Locale.ROOT).startsWith("stl10") || side > 64 ? "imagenet" : "cifar";
    }
  }
}
