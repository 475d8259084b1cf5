package org.aucl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aucl.augment.AugmentConfig;
import org.aucl.augment.AugmentPresets;
import org.aucl.data.DatasetFetcher;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.model.NetConfig;
import org.aucl.report.MarkdownTable;
import org.aucl.train.EpochMetrics;
import org.aucl.train.MetricsLog;
import org.aucl.train.PretrainConfig;
import org.aucl.train.Pretrainer;
import org.aucl.train.Provenance;
import org.aucl.train.RunDirectory;
import org.aucl.train.RunSummary;
import org.aucl.train.optim.OptimizerConfig;
import org.aucl.util.Json;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aucl pretrain}: self-supervised pretraining with the kNN monitor. With no arguments it runs
 * the default job (Fashion-MNIST, a CPU-sized ResNet-18, AUC-CL's default preset).
 */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Self-supervised pretraining with AUC-CL or a baseline, with a kNN monitor every epoch.",
      "With no arguments: the default job on Fashion-MNIST (about 15 minutes on 2 CPU cores)."
    })
public final class PretrainCommand implements Callable<Integer> {
  @Mixin VerboseOption verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // --- data
  @Option(names = "--dataset", description = "Dataset name (fashion-mnist, mnist, cifar10, cifar100, stl10, synthetic) or path. Default: ${DEFAULT-VALUE}.")
  String dataset = "fashion-mnist";

  @Option(names = "--data-dir", description = "Where named datasets live (default: $AUCL_DATA or ~/.aucl/data).")
  Path dataDir;

  @Option(names = "--subset", description = "Train on a class-balanced subset of N images (0 = all). Default: ${DEFAULT-VALUE}.")
  int subset = Defaults.SUBSET;

  @Option(names = "--preset", description = "Augmentation preset: fashion-mnist, cifar, imagenet (default: chosen from the dataset).")
  String preset;

  @Option(names = "--image-size", description = "Side of the views (0 = the dataset's). Default: ${DEFAULT-VALUE}.")
  int imageSize = 0;

  @Mixin AugmentOptions augment;

  @Option(names = "--workers", description = "Loader threads. Default: ${DEFAULT-VALUE}.")
  int workers = 2;

  // --- model
  @Option(names = "--model", description = "resnet18, resnet34, resnet50. Default: ${DEFAULT-VALUE}.")
  String model = "resnet18";

  @Option(names = "--stem", description = "cifar (3x3 stride 1, no max-pool; the authors' CIFAR recipe), small (3x3 stride 1 and max-pool: 4x fewer FLOPs) or imagenet (7x7 stride 2 and max-pool: 16x fewer). Default: ${DEFAULT-VALUE}.")
  String stem = Defaults.STEM;

  @Option(names = "--width", description = "Width multiplier (0.25: 16-32-64-128 channels). Default: ${DEFAULT-VALUE}.")
  double width = Defaults.WIDTH;

  @Option(names = "--proj-hidden", description = "Projector hidden size. Default: ${DEFAULT-VALUE}.")
  int projHidden = 512;

  @Option(names = "--proj-out", description = "Projector output size. Default: ${DEFAULT-VALUE}.")
  int projOut = 128;

  @Option(names = "--bn-passes", description = "two: each view through BatchNorm in its own pass (the authors'); one: both views in one pass. Default: ${DEFAULT-VALUE}.")
  int bnPasses = Defaults.BN_PASSES;

  // --- objective
  @Mixin ObjectiveOptions objective;

  // --- optimisation
  @Option(names = "--optimizer", description = "adamw, sgd or lars. Default: ${DEFAULT-VALUE}.")
  String optimizer = "adamw";

  @Option(names = "--lr", description = "Base learning rate (default: the optimiser's; adamw " + Defaults.LR + ").")
  Double lr;

  @Option(names = "--weight-decay", description = "Weight decay (default: the optimiser's; adamw 1e-4).")
  Double weightDecay;

  @Option(names = "--momentum", description = "Momentum for sgd and lars (default 0.9).")
  Double momentum;

  @Option(names = "--epochs", description = "Epochs. Default: ${DEFAULT-VALUE}.")
  int epochs = Defaults.EPOCHS;

  @Option(names = "--batch-size", description = "Images per batch (two views each). Default: ${DEFAULT-VALUE}.")
  int batchSize = Defaults.BATCH;

  @Option(names = "--warmup-epochs", description = "Linear warm-up, in epochs. Default: ${DEFAULT-VALUE}.")
  double warmupEpochs = Defaults.WARMUP;

  @Option(names = "--min-lr-ratio", description = "Cosine decay ends at lr times this. Default: ${DEFAULT-VALUE}.")
  double minLrRatio = 0.0;

  // --- monitor
  @Option(names = "--knn-k", description = "Neighbours of the kNN monitor. Default: ${DEFAULT-VALUE}.")
  int knnK = 200;

  @Option(names = "--knn-every", description = "Run the kNN monitor every N epochs and after the last (0: never). Default: ${DEFAULT-VALUE}.")
  int knnEvery = 1;

  @Option(names = "--knn-temperature", description = "0: votes weighted by similarity; t > 0: by exp(sim / t). Default: ${DEFAULT-VALUE}.")
  double knnTemperature = 0;

  @Option(names = "--knn-bank", description = "Bank size: 0 = the whole training split, else a balanced subset. Default: ${DEFAULT-VALUE}.")
  int knnBank = 0;

  // --- run
  @Option(names = "--device", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  String device = "auto";

  @Option(names = "--seed", description = "Seed of all randomness. Default: ${DEFAULT-VALUE}.")
  long seed = 1;

  @Option(names = "--out", description = "Run directory (default: runs/<date-time>-<objective>-<dataset>).")
  Path out;

  @Option(names = "--resume", description = "Continue the run in this directory from its last checkpoint (its config.json decides everything else).")
  Path resume;

  @Option(names = "--stop-after", description = "End after this epoch with a checkpoint; --resume continues the run later.")
  Integer stopAfter;

  @Option(names = "--quiet", description = "No progress bars (for logs).")
  boolean quiet;

  /** The default job's settings, chosen by the experiments in docs/TUNING.md. */
  static final class Defaults {
    static final int SUBSET = 0;
    static final String STEM = "small";
    static final double WIDTH = 0.25;
    static final double LR = 2e-3;
    static final int EPOCHS = 4;
    static final int BATCH = 128;
    static final double WARMUP = 0.5;
    static final int BN_PASSES = 1;

    private Defaults() {}
  }

  @Override
  public Integer call() {
    RunDirectory run;
    PretrainConfig cfg;
    boolean resuming = resume != null;
    if (resuming) {
      run = RunDirectory.open(resume);
      cfg = Json.read(run.config(), Provenance.ConfigFile.class).config();
    } else {
      cfg = buildConfig();
      Path root = out != null ? out : RunDirectory.defaultPath(cfg.objective().loss(), cfg.data().dataset());
      run = RunDirectory.create(root);
      Json.write(
          run.config(),
          new Provenance.ConfigFile(cfg, Provenance.now(VersionInfo.aucl(), VersionInfo.djl(), commandLine())));
    }
    Pretrainer trainer = new Pretrainer(cfg, run, resuming, quiet, System.out);
    if (stopAfter != null) {
      trainer.stopAfter(stopAfter);
    }
    RunSummary s = trainer.run();
    printTable(run, s);
    return 0;
  }

  private List<String> commandLine() {
    return spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
  }

  PretrainConfig buildConfig() {
    Path dir = dataDir != null ? dataDir : Datasets.defaultDataDir();
    ensureFetched(dir);
    ImageDataset probe = Datasets.open(dataset, "train", dir);
    String presetName = preset != null ? preset : defaultPreset(probe);
    if (!AugmentPresets.contains(presetName)) {
      throw new UserException("unknown --preset '" + presetName + "': expected one of " + AugmentPresets.names() + ".");
    }
    AugmentConfig aug = augment.build(AugmentPresets.config(presetName), imageSize);
    int side = imageSize > 0 ? imageSize : probe.height();
    NetConfig net = new NetConfig(model, stem, probe.channels(), width, projHidden, projOut, side);
    if (bnPasses != 1 && bnPasses != 2) {
      throw new UserException("--bn-passes must be 1 or 2, got " + bnPasses + ".");
    }
    OptimizerConfig opt = OptimizerConfig.defaults(optimizer.toLowerCase(java.util.Locale.ROOT));
    opt = opt.withLr(lr != null ? lr : opt.name().equals("adamw") ? Defaults.LR : opt.lr());
    if (weightDecay != null) {
      opt = opt.withWeightDecay(weightDecay);
    }
    if (momentum != null) {
      opt = new OptimizerConfig(opt.name(), opt.lr(), opt.weightDecay(), momentum, opt.beta1(), opt.beta2(), opt.eps(),
          opt.nesterov(), opt.trustCoefficient());
    }
    ObjectiveConfig obj = objective.toConfig();
    return new PretrainConfig(
        new PretrainConfig.Data(dataset, dir.toString(), subset, presetName, workers),
        aug,
        net,
        obj,
        opt,
        new PretrainConfig.Schedule(epochs, batchSize, warmupEpochs, minLrRatio),
        new PretrainConfig.Monitor(knnK, knnEvery, knnTemperature, knnBank),
        bnPasses == 2,
        device,
        seed);
  }

  /** A known dataset that is missing is fetched first (Debian's package or the official download). */
  private void ensureFetched(Path dir) {
    String key = dataset.trim().toLowerCase(java.util.Locale.ROOT);
    if (!Datasets.NAMES.contains(key) || key.startsWith("synthetic")) {
      return;
    }
    try {
      Datasets.locate(dataset, dir, org.aucl.data.DatasetOptions.DEFAULTS);
    } catch (UserException missing) {
      new DatasetFetcher(new PrintWriter(System.err, true)).fetch(dataset, dir, null, true);
    }
  }

  private static String defaultPreset(ImageDataset ds) {
    String name = ds.name().toLowerCase(java.util.Locale.ROOT);
    if (ds.channels() == 1) {
      return "fashion-mnist";
    }
    return name.startsWith("stl10") || ds.height() > 64 ? "imagenet" : "cifar";
  }

  private static void printTable(RunDirectory run, RunSummary s) {
    MarkdownTable t = new MarkdownTable("epoch", "loss", "kNN top-1 (%)");
    for (EpochMetrics m : MetricsLog.resume(run.metrics(), Integer.MAX_VALUE).epochs()) {
      t.row(m.epoch(), String.format("%.4f", m.loss()), m.knnTop1() == null ? "-" : String.format("%.2f", 100 * m.knnTop1()));
    }
    System.out.println();
    System.out.print(t);
    if (s.bestKnnTop1() != null) {
      System.out.printf("best kNN top-1 %.2f%% (epoch %d); %.0f s; %.0f img/s%n", 100 * s.bestKnnTop1(), s.bestEpoch(), s.wallSeconds(), s.meanImagesPerSecond());
    }
    System.out.println("run directory: " + run.root());
  }
}
