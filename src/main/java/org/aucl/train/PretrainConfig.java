package org.aucl.train;

import java.nio.file.Path;
import org.aucl.augment.AugmentConfig;
import org.aucl.augment.AugmentPresets;
import org.aucl.data.DatasetOptions;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.eval.KnnClassifier;
import org.aucl.eval.KnnWeighting;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.method.TwoViewMethod;
import org.aucl.method.teacher.TeacherStudentConfig;
import org.aucl.method.teacher.TeacherStudentMethod;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;

/**
 * Everything a pretraining run needs, written in full to config.json so that the run can be rerun
 * or resumed from it alone. {@link #defaultJob()} owns the default of every value; the command line
 * starts from it and never restates a default.
 *
 * @param recipe the named bundle of settings the run started from ({@code default} or
 *     {@code official-cifar}; docs/LOSSES.md, "Recipes"); every value it set is recorded in the fields below
 * @param method the pretraining method ({@code two-view} or {@code teacher-student})
 * @param augment the views' settings; its output size is 0 (the dataset's) or the network's image size
 * @param net the network; its image size is the side at which images enter it
 * @param twoPassBatchNorm true: the two views go through BatchNorm in separate passes (the authors'
 *     code), so each view is normalised with its own batch statistics; false: one pass on the 2B views
 * @param device auto, cpu or gpu
 * @param teacher the teacher-student method's own settings; null for two-view (and in the config.json
 *     of runs made before that method existed); {@link TeacherStudentConfig#defaults()} when a
 *     teacher-student configuration leaves it out
 */
public record PretrainConfig(
    String recipe,
    String method,
    Data data,
    AugmentConfig augment,
    NetConfig net,
    ObjectiveConfig objective,
    OptimizerConfig optimizer,
    Schedule schedule,
    Monitor monitor,
    boolean twoPassBatchNorm,
    String device,
    long seed,
    Safety safety,
    TeacherStudentConfig teacher) {

  /** The name of the default job's recipe. */
  public static final String DEFAULT_RECIPE = "default";

  public PretrainConfig {
    if (recipe == null) {
      recipe = DEFAULT_RECIPE; // config.json of runs made before recipes existed
    }
    if (method == null) {
      method = TwoViewMethod.NAME; // config.json of runs made before methods existed
    }
    if (safety == null) {
      safety = Safety.DEFAULT;
    }
    if (method.equals(TeacherStudentMethod.NAME) && teacher == null) {
      teacher = TeacherStudentConfig.defaults();
    }
    if (!method.equals(TeacherStudentMethod.NAME) && teacher != null) {
      throw new IllegalArgumentException("teacher-student settings apply only to --method " + TeacherStudentMethod.NAME + ".");
    }
    if (augment.outputSize() != 0 && augment.outputSize() != net.imageSize()) {
      throw new IllegalArgumentException(
          "the views are " + augment.outputSize() + " pixels wide but the network expects " + net.imageSize() + ".");
    }
  }

  /**
   * The default job, chosen by the experiments in docs/TUNING.md: AUC-CL's default preset, two views of
   * Fashion-MNIST, a ResNet-18 with the small stem at width 1/4, batch 64, 5 epochs, AdamW at 4e-3
   * with half an epoch of warm-up and cosine decay, both views in one BatchNorm pass, the kNN monitor
   * after epochs 2, 4 and 5 (each costs a fifth of an epoch, and the slower machine of this kind has 15
   * minutes for the whole job, linear probe included).
   */
  public static PretrainConfig defaultJob() {
    return new PretrainConfig(
        DEFAULT_RECIPE,
        TwoViewMethod.NAME,
        // one loader thread: it makes ~90k views/s, a hundred times what training takes, and a second
        // one competes with PyTorch's threads for the cores (docs/MODELS.md: 500 -> 579 pairs/s)
        new Data("fashion-mnist", Datasets.defaultDataDir().toString(), 0, "fashion-mnist", 1, false, 0),
        AugmentPresets.config("fashion-mnist"),
        new NetConfig("resnet18", "small", 1, 0.25, NetConfig.DEFAULT_PROJ_HIDDEN, NetConfig.DEFAULT_PROJ_OUT, 28),
        ObjectiveConfig.of("auc-cl"),
        OptimizerConfig.defaults("adamw").withLr(4e-3),
        new Schedule(5, 64, 0.5, 0.0),
        new Monitor(200, 2, 0, 0, KnnWeighting.SIMILARITY.toString()),
        false,
        "auto",
        1,
        Safety.DEFAULT,
        null);
  }

  /** This run with another schedule (a sweep's epochs and batch size). */
  public PretrainConfig withSchedule(Schedule s) {
    return new PretrainConfig(recipe, method, data, augment, net, objective, optimizer, s, monitor, twoPassBatchNorm,
        device, seed, safety, teacher);
  }

  /** This run with another optimiser setting (a sweep's scaled learning rate). */
  public PretrainConfig withOptimizer(OptimizerConfig o) {
    return new PretrainConfig(recipe, method, data, augment, net, objective, o, schedule, monitor, twoPassBatchNorm,
        device, seed, safety, teacher);
  }

  /** This run with another seed (a sweep's seeds). */
  public PretrainConfig withSeed(long newSeed) {
    return new PretrainConfig(recipe, method, data, augment, net, objective, optimizer, schedule, monitor, twoPassBatchNorm,
        device, newSeed, safety, teacher);
  }

  /** What the method, network and objective are, for refusing a checkpoint made for another run. */
  public String fingerprint() {
    return method + " " + net.arch() + "/" + net.stem() + " width " + net.width() + ", " + net.inChannels() + "x"
        + net.imageSize() + "x" + net.imageSize() + ", projector " + net.projHidden() + "-" + net.projOut()
        + ", objective " + objective.loss();
  }

  /**
   * How a run protects itself (docs/RELIABILITY.md).
   *
   * @param checkpointEvery a checkpoint inside an epoch every N steps ("500"), minutes ("10m") or
   *     seconds ("90s"), besides every epoch's end; "0" for epoch ends only
   * @param onNan a step whose loss or gradient is not finite: "stop" the run (exit code 3, the last
   *     checkpoint kept) or "skip" the step (counted in metrics.jsonl)
   */
  public record Safety(String checkpointEvery, String onNan) {
    public static final Safety DEFAULT = new Safety("10m", "stop");

    public Safety {
      CheckpointInterval.parse(checkpointEvery);
      if (!"stop".equals(onNan) && !"skip".equals(onNan)) {
        throw new IllegalArgumentException("--on-nan must be stop or skip, got '" + onNan + "'.");
      }
    }

    CheckpointInterval interval() {
      return CheckpointInterval.parse(checkpointEvery);
    }
  }

  /** Opens split {@code split} of the dataset as this run reads it (image folders at the network's size). */
  public ImageDataset openSplit(String split) {
    return Datasets.open(data.dataset(), split, Path.of(data.dataDir()), data.readOptions(net.imageSize()));
  }

  /**
   * Where the images come from.
   *
   * @param subset 0 for the whole training split, else a class-balanced subset of that many images
   * @param preset the augmentation preset the {@code augment} settings started from
   * @param workers loader threads (1 by default: PyTorch's threads want every core)
   * @param coarseLabels CIFAR-100: the 20 superclasses
   * @param channels image folders: 1, 3, or 0 (1 when the images are stored grey, else 3)
   */
  public record Data(
      String dataset, String dataDir, int subset, String preset, int workers, boolean coarseLabels, int channels) {
    public Data {
      if (subset < 0) {
        throw new IllegalArgumentException("--subset must be >= 0 (0 = the whole split), got " + subset + ".");
      }
      if (workers < 1) {
        throw new IllegalArgumentException("--workers must be at least 1, got " + workers + ".");
      }
    }

    /** How to read the dataset for a network that takes {@code imageSize} x {@code imageSize} images. */
    public DatasetOptions readOptions(int imageSize) {
      return new DatasetOptions(coarseLabels, imageSize, channels);
    }
  }

  /**
   * How long and at which rate.
   *
   * @param warmupEpochs linear warm-up length in epochs (fractions allowed)
   * @param floorLrRatio the cosine decay ends at base lr times this
   */
  public record Schedule(int epochs, int batchSize, double warmupEpochs, double floorLrRatio) {
    public Schedule withEpochs(int e) {
      return new Schedule(e, batchSize, warmupEpochs, floorLrRatio);
    }

    public Schedule withBatchSize(int b) {
      return new Schedule(epochs, b, warmupEpochs, floorLrRatio);
    }

    public Schedule {
      if (epochs < 1) {
        throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs + ".");
      }
      if (batchSize < 2) {
        throw new IllegalArgumentException("--batch-size must be at least 2 (contrastive losses need negatives), got " + batchSize + ".");
      }
      if (warmupEpochs < 0 || warmupEpochs > epochs) {
        throw new IllegalArgumentException("--warmup-epochs must be in [0, epochs], got " + warmupEpochs + ".");
      }
      if (floorLrRatio < 0 || floorLrRatio > 1) {
        throw new IllegalArgumentException("--min-lr-ratio must be in [0, 1], got " + floorLrRatio + ".");
      }
    }
  }

  /**
   * The weighted kNN monitor (docs/PRETRAINING.md).
   *
   * @param knnEvery run the monitor every this many epochs (and after the last); 0 turns it off
   * @param knnTemperature 0 weighs votes by similarity, else by exp(sim / t)
   * @param knnBank 0 uses the whole training split as the bank, else a class-balanced subset
   * @param knnWeights how votes are weighted when the temperature is 0: {@code similarity} (ours) or
   *     {@code shifted-cosine}, (1 + sim) / 2 (the authors'); {@link KnnWeighting}
   */
  public record Monitor(int knnK, int knnEvery, double knnTemperature, int knnBank, String knnWeights) {
    public Monitor {
      if (knnWeights == null) {
        knnWeights = KnnWeighting.SIMILARITY.toString(); // config.json of runs made before the option
      }
      knnWeights = KnnWeighting.parse(knnWeights).toString();
      if (knnTemperature > 0 && !knnWeights.equals(KnnWeighting.SIMILARITY.toString())) {
        throw new IllegalArgumentException("--knn-weights " + knnWeights
            + " cannot be combined with --knn-temperature " + knnTemperature + ", which weighs votes by exp(sim / t).");
      }
      if (knnK < 1) {
        throw new IllegalArgumentException("--knn-k must be at least 1, got " + knnK + ".");
      }
      if (knnEvery < 0 || knnBank < 0 || knnTemperature < 0) {
        throw new IllegalArgumentException("--knn-every, --knn-bank and --knn-temperature must be >= 0.");
      }
    }

    /** The classifier these settings describe. */
    public KnnClassifier classifier() {
      return new KnnClassifier(knnK, knnTemperature, KnnWeighting.parse(knnWeights));
    }

    boolean due(int epoch, int lastEpoch) {
      return knnEvery > 0 && (epoch % knnEvery == 0 || epoch == lastEpoch);
    }
  }
}
