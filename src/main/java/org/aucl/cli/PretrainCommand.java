package org.aucl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aucl.RunCheckpoint;
import org.aucl.augment.AugmentConfig;
import org.aucl.augment.AugmentPresets;
import org.aucl.data.DatasetFetcher;
import org.aucl.data.DatasetOptions;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.method.teacher.TeacherStudentConfig;
import org.aucl.method.teacher.TeacherStudentMethod;
import org.aucl.model.Devices;
import org.aucl.model.MemoryFormat;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;
import org.aucl.report.MarkdownTable;
import org.aucl.runeval.EvalRunner;
import org.aucl.runeval.RunReporter;
import org.aucl.runeval.StandardEvaluations;
import org.aucl.train.EpochMetrics;
import org.aucl.train.Methods;
import org.aucl.train.MetricsLog;
import org.aucl.train.PretrainConfig;
import org.aucl.train.Pretrainer;
import org.aucl.train.Provenance;
import org.aucl.train.RunDirectory;
import org.aucl.train.RunSummary;
import org.aucl.util.Json;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aucl pretrain}: self-supervised pretraining with the kNN monitor. With no arguments it runs
 * the default job, {@link PretrainConfig#defaultJob()}; every option starts from that job's value.
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
  /** The owner of every default below. */
  private static final PretrainConfig DEFAULT = PretrainConfig.defaultJob();


  @Mixin VerboseOption verbose;

  picocli.CommandLine.Model.CommandSpec spec;

  /** True in the command that already carries its recipe's options (see {@link #buildConfig()}). */
  private boolean recipeApplied;

  /** Injected by picocli; the help lists the recipes from their one owner, {@link Recipe}. */
  @picocli.CommandLine.Spec
  void setSpec(picocli.CommandLine.Model.CommandSpec spec) {
    this.spec = spec;
    spec.usageMessage().footer(Recipe.helpLines());
  }

  @Option(names = "--recipe", paramLabel = "NAME",
      description = "A named bundle of settings: ${COMPLETION-CANDIDATES} (listed below); options given explicitly win. Default: ${DEFAULT-VALUE}.",
      completionCandidates = RecipeNames.class)
  String recipe = DEFAULT.recipe();

  @Option(names = "--method", description = "Pretraining method: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = MethodNames.class)
  String method = DEFAULT.method();

  // --- data
  @Option(names = "--dataset", description = "Dataset name (fashion-mnist, mnist, cifar10, cifar100, stl10, synthetic) or path. Default: ${DEFAULT-VALUE}.")
  String dataset = DEFAULT.data().dataset();

  @Mixin DatasetReadOptions read;

  @Option(names = "--subset", description = "Train on a class-balanced subset of N images (0 = all). Default: ${DEFAULT-VALUE}.")
  int subset = DEFAULT.data().subset();

  @Option(names = "--preset", description = "Augmentation preset: fashion-mnist, cifar, imagenet (default: chosen from the dataset: fashion-mnist for grey images, imagenet above 64 pixels, else cifar).")
  String preset;

  @Mixin AugmentOptions augment;

  @Option(names = "--workers", description = "Loader threads. Default: ${DEFAULT-VALUE}.")
  int workers = DEFAULT.data().workers();

  // --- model
  @Option(names = "--model", description = "resnet18, resnet34, resnet50, vit-tiny or vit-small. Default: ${DEFAULT-VALUE}.")
  String model = DEFAULT.net().arch();

  @Option(names = "--patch-size", description = "Side of a ViT's patches (vit-tiny, vit-small only). Default: ${DEFAULT-VALUE}.")
  int patchSize = DEFAULT.net().patchSize();

  @Option(names = "--stem", description = "cifar (3x3 stride 1, no max-pool; the authors' CIFAR recipe), small (3x3 stride 1 and max-pool: 4x fewer FLOPs) or imagenet (7x7 stride 2 and max-pool: 16x fewer). Default: ${DEFAULT-VALUE}.")
  String stem = DEFAULT.net().stem();

  @Option(names = "--width", description = "Width multiplier (0.25: 16-32-64-128 channels). Default: ${DEFAULT-VALUE}.")
  double width = DEFAULT.net().width();

  @Option(names = "--proj-hidden", description = "Projector hidden size. Default: ${DEFAULT-VALUE}.")
  int projHidden = DEFAULT.net().projHidden();

  @Option(names = "--proj-out", description = "Projector output size. Default: ${DEFAULT-VALUE}.")
  int projOut = DEFAULT.net().projOut();

  @Mixin BatchNormPassOption bnPasses;

  @Mixin TeacherStudentOptions teacherOptions;

  // --- objective
  @Mixin ObjectiveOptions objective;

  // --- optimisation
  @Option(names = "--optimizer", description = "adamw, sgd or lars. Default: ${DEFAULT-VALUE}.")
  String optimizer = DEFAULT.optimizer().name();

  @Option(names = "--lr", description = "Base learning rate. Default: ${DEFAULT-VALUE} with the default optimiser; another optimiser's own default otherwise.")
  double lr = DEFAULT.optimizer().lr();

  @Option(names = "--weight-decay", description = "Weight decay. Default: ${DEFAULT-VALUE} with the default optimiser; another optimiser's own default otherwise.")
  double weightDecay = DEFAULT.optimizer().weightDecay();

  @Option(names = "--decay-objective-variables", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      description = "Decay the objective's learnable variables (AUC-CL's a, b) with the network's weights, as the authors' CIFAR script does. Default: ${DEFAULT-VALUE}.")
  boolean decayObjectiveVariables = DEFAULT.optimizer().decayObjectiveVariables();

  @Option(names = "--momentum", description = "Momentum of sgd and lars (default: the optimiser's own).")
  Double momentum;

  @Option(names = "--epochs", description = "Epochs. Default: ${DEFAULT-VALUE}.")
  int epochs = DEFAULT.schedule().epochs();

  @Option(names = "--batch-size", description = "Images per batch (two views each). Default: ${DEFAULT-VALUE}.")
  int batchSize = DEFAULT.schedule().batchSize();

  @Option(names = "--warmup-epochs", description = "Linear warm-up, in epochs. Default: ${DEFAULT-VALUE}.")
  double warmupEpochs = DEFAULT.schedule().warmupEpochs();

  @Option(names = "--min-lr-ratio", description = "Cosine decay ends at lr times this. Default: ${DEFAULT-VALUE}.")
  double minLrRatio = DEFAULT.schedule().floorLrRatio();

  // --- monitor
  @Option(names = "--knn-k", description = "Neighbours of the kNN monitor. Default: ${DEFAULT-VALUE}.")
  int knnK = DEFAULT.monitor().knnK();

  @Option(names = "--knn-every", description = "Run the kNN monitor every N epochs and after the last (0: never). Default: ${DEFAULT-VALUE}.")
  int knnEvery = DEFAULT.monitor().knnEvery();

  @Option(names = "--knn-temperature", description = "0: votes weighted by similarity; t > 0: by exp(sim / t). Default: ${DEFAULT-VALUE}.")
  double knnTemperature = DEFAULT.monitor().knnTemperature();

  @Option(names = "--knn-weights", paramLabel = "W",
      description = "With temperature 0, votes weighted by similarity (sim) or shifted-cosine ((1 + sim) / 2, the authors'). Default: ${DEFAULT-VALUE}.")
  String knnWeights = DEFAULT.monitor().knnWeights();

  @Option(names = "--knn-bank", description = "Bank size: 0 = the whole training split, else a balanced subset. Default: ${DEFAULT-VALUE}.")
  int knnBank = DEFAULT.monitor().knnBank();

  // --- run
  @Option(names = "--device", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  String device = DEFAULT.device();

  @Option(names = "--seed", description = "Seed of all randomness. Default: ${DEFAULT-VALUE}.")
  long seed = DEFAULT.seed();

  @Option(names = "--out", description = "Run directory (default: runs/<date-time>-<objective>-<dataset>).")
  Path out;

  @Option(names = "--resume", description = "Continue the run in this directory from its last checkpoint (its config.json decides everything else).")
  Path resume;

  @Option(names = "--stop-after", description = "End after this epoch with a checkpoint; --resume continues the run later.")
  Integer stopAfter;

  @Option(names = "--stop-at-step", hidden = true,
      description = "End after this global step with a mid-epoch checkpoint (tests of mid-epoch resume).")
  Long stopAtStep;

  @Option(names = "--simulate-full-disk-after", hidden = true, paramLabel = "BYTES",
      description = "Checkpoint writing fails as on a full disk once this many bytes of checkpoint parts are written (tests).")
  Long simulateFullDiskAfter;

  @Option(names = "--simulate-non-finite-at-step", hidden = true, paramLabel = "STEP",
      description = "The first try of this global step counts as non-finite, as a native kernel's NaN would (tests).")
  Long simulateNonFiniteAt;

  @Option(names = "--quiet", description = "No progress bars (for logs).")
  boolean quiet;

  @Option(names = "--checkpoint-every", paramLabel = "N|Tm|Ts",
      description = "Also checkpoint inside an epoch every N steps, T minutes or T seconds (0: epoch ends only). Default: ${DEFAULT-VALUE}.")
  String checkpointEvery = DEFAULT.safety().checkpointEvery();

  @Option(names = "--final-evals", split = ",", paramLabel = "NAME",
      description = "Evaluations of the last checkpoint after the last epoch, recorded in report.md: knn, linear, fewshot, "
          + "or none. Default: knn,linear.")
  List<String> finalEvals = StandardEvaluations.AFTER_PRETRAIN;

  @Option(names = "--on-nan", paramLabel = "stop|skip",
      description = "A step whose loss or gradient is not finite: stop the run (exit code 3, last checkpoint kept) or skip the step. Default: ${DEFAULT-VALUE}.")
  String onNan = DEFAULT.safety().onNan();

  /** The recipe names for {@code --help}. */
  static final class RecipeNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Recipe.names().iterator();
    }
  }

  /** The method names for {@code --help}. */
  static final class MethodNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Methods.NAMES.iterator();
    }
  }

  @Override
  public Integer call() {
    try {
      return pretrain();
    } catch (IllegalArgumentException e) {
      // the config records check values with IllegalArgumentException; from options, that is the user's
      throw new UserException(e.getMessage(), e);
    }
  }

  private Integer pretrain() {
    Set<String> finals = StandardEvaluations.parse(finalEvals, "--final-evals");
    RunDirectory run;
    PretrainConfig cfg;
    boolean resuming = resume != null;
    if (resuming) {
      run = RunDirectory.open(resume);
      cfg = Json.read(run.config(), Provenance.ConfigFile.class).config();
    } else {
      cfg = buildConfig();
      String what = cfg.teacher() != null ? cfg.method() : cfg.objective().loss();
      Path root = out != null ? out : RunDirectory.defaultPath(what, cfg.data().dataset());
      run = RunDirectory.create(root);
      Json.write(
          run.config(),
          new Provenance.ConfigFile(cfg, Provenance.now(VersionInfo.aucl(), VersionInfo.djl(), commandLine(),
              MemoryFormat.forModel(cfg.net().arch(), Devices.resolve(cfg.device())), Devices.resolve(cfg.device()))));
    }
    Pretrainer trainer = new Pretrainer(cfg, run, resuming, quiet, System.out);
    if (stopAfter != null) {
      trainer.stopAfter(stopAfter);
    }
    if (stopAtStep != null) {
      trainer.stopAtStep(stopAtStep);
    }
    if (simulateFullDiskAfter != null) {
      trainer.simulateFullDiskAfter(simulateFullDiskAfter);
    }
    if (simulateNonFiniteAt != null) {
      trainer.simulateNonFiniteFirstTryAt(simulateNonFiniteAt);
    }
    CrashReports.setRunDirectory(run.root());
    RunSummary s = trainer.run();
    if (s == null) {
      System.out.println("stopped after step " + stopAtStep + "; continue with --resume " + run.root());
      return 0;
    }
    List<EvalRunner.Ran> evaluated = s.epochs() == cfg.schedule().epochs() ? finalReport(run, cfg, trainer, finals) : List.of();
    printTable(run, s, evaluated);
    return 0;
  }

  /**
   * Runs the final evaluations of the last checkpoint and writes report.md. The monitor's features and kNN
   * of the last epoch are taken over, so nothing is extracted or classified twice. An evaluation that cannot run on this dataset (no
   * labels) is noted in the report instead of failing the finished run.
   */
  private List<EvalRunner.Ran> finalReport(RunDirectory run, PretrainConfig cfg, Pretrainer trainer, Set<String> names) {
    RunCheckpoint ckpt = RunCheckpoint.open(run.root(), "last");
    List<String> notes = new ArrayList<>();
    List<EvalRunner.Ran> ran = List.of();
    try (RunReporter reporter = new RunReporter(ckpt, Devices.resolve(cfg.device()), System.out)) {
      if (!names.isEmpty()) {
        System.out.println();
        System.out.println("final evaluations of checkpoints/last:");
        try {
          trainer.lastEpochFeatures().ifPresent(reporter::takeMonitor);
          ran = reporter.evaluate(StandardEvaluations.of(cfg, names));
        } catch (UserException e) {
          notes.add("The final evaluations could not run: " + e.getMessage());
          System.out.println(notes.get(0));
        }
      }
      reporter.writeReport(VersionInfo.provenance(), notes);
    }
    return ran;
  }

  /** The arguments given to this command: through {@code Main}, those after the subcommand's name. */
  private List<String> commandLine() {
    if (spec == null) {
      return List.of();
    }
    List<String> all = spec.commandLine().getParseResult().originalArgs();
    int own = spec.parent() == null ? -1 : all.indexOf(spec.name());
    return all.subList(own + 1, all.size());
  }

  private boolean given(String option) {
    return spec != null && spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /**
   * The configuration that {@code pretrain} with {@code args} would run, checked: the sweep's way of
   * resolving each grid point from the options it passes through.
   */
  static PretrainConfig resolve(List<String> args) {
    PretrainCommand cmd = new PretrainCommand();
    try {
      new picocli.CommandLine(cmd).parseArgs(args.toArray(new String[0]));
    } catch (picocli.CommandLine.ParameterException e) {
      throw new UserException(e.getMessage(), e);
    }
    return UserInput.check(cmd::buildConfig);
  }

  /**
   * The run these options describe: the recipe's settings (the default job's for {@code default}) with
   * every given option applied. A recipe's options are parsed before the given ones, in a second command,
   * so that a given option overrides the recipe's exactly as it overrides a default.
   */
  PretrainConfig buildConfig() {
    Recipe r = Recipe.parse(recipe);
    r.checkMethod(method);
    List<String> recipeOptions = r.options(canonicalLoss());
    if (recipeApplied || recipeOptions.isEmpty()) {
      return buildOwnConfig(r);
    }
    PretrainCommand withRecipe = new PretrainCommand();
    withRecipe.recipeApplied = true;
    picocli.CommandLine cl = new picocli.CommandLine(withRecipe);
    cl.setOverwrittenOptionsAllowed(true);
    List<String> args = new ArrayList<>(recipeOptions);
    args.addAll(commandLine());
    cl.parseArgs(args.toArray(new String[0]));
    return withRecipe.buildOwnConfig(r);
  }

  /** The objective's canonical name, or the name as given (its refusal comes with the objective's options). */
  private String canonicalLoss() {
    try {
      return org.aucl.loss.Objectives.canonical(objective.loss);
    } catch (IllegalArgumentException e) {
      return objective.loss;
    }
  }

  private PretrainConfig buildOwnConfig(Recipe r) {
    if (!Methods.NAMES.contains(method)) {
      throw new UserException("unknown --method '" + method + "': expected one of " + String.join(", ", Methods.NAMES) + ".");
    }
    Path dir = read.dataDir();
    ensureFetched(dir);
    DatasetOptions reading = read.options();
    ImageDataset probe = Datasets.open(dataset, "train", dir, reading);
    String presetName = preset != null ? preset : defaultPreset(probe);
    if (!AugmentPresets.contains(presetName)) {
      throw new UserException("unknown --preset '" + presetName + "': expected one of " + AugmentPresets.names() + ".");
    }
    // One resolution of the image size: the network's side, and the views' when it differs from the data's.
    int side = read.imageSize > 0 ? read.imageSize : probe.height();
    AugmentConfig aug = augment.build(AugmentPresets.config(presetName), read.imageSize);
    NetConfig net;
    if (given("--patch-size") && !NetConfig.isVitArch(model)) {
      throw new UserException("--patch-size applies only to the ViT models (vit-tiny, vit-small), not " + model + ".");
    }
    TeacherStudentConfig teacher;
    try {
      net = new NetConfig(model, stem, probe.channels(), width, projHidden, projOut, side, patchSize);
      teacher = teacherConfig();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    return new PretrainConfig(
        r.toString(),
        method,
        new PretrainConfig.Data(dataset, dir.toString(), subset, presetName, workers, reading.coarseLabels(), reading.channels()),
        aug,
        net,
        objective.toConfig(),
        optimizerConfig(),
        new PretrainConfig.Schedule(epochs, batchSize, warmupEpochs, minLrRatio),
        new PretrainConfig.Monitor(knnK, knnEvery, knnTemperature, knnBank, knnWeights),
        bnPasses.twoPass(),
        device,
        seed,
        new PretrainConfig.Safety(checkpointEvery, onNan),
        teacher);
  }

  /** The teacher-student settings with the given options applied; null for two-view, which takes none of them. */
  private TeacherStudentConfig teacherConfig() {
    if (!method.equals(TeacherStudentMethod.NAME)) {
      teacherOptions.given().stream().findFirst().ifPresent(o -> {
        throw new UserException(o + " applies only to --method " + TeacherStudentMethod.NAME + ".");
      });
      return null;
    }
    List<String> twoViewOnly = new ArrayList<>(List.of("--bn-passes", "--proj-hidden", "--proj-out", "--weight-decay", "--decay-objective-variables"));
    if (spec != null) {
      spec.mixins().get("objective").options().forEach(o -> twoViewOnly.add(o.longestName()));
    }
    for (String o : twoViewOnly) {
      if (given(o)) {
        throw new UserException(o + " does not apply to --method " + TeacherStudentMethod.NAME
            + " (its loss, head and weight-decay schedule are its own: docs/METHODS.md).");
      }
    }
    return teacherOptions.apply(TeacherStudentConfig.defaults());
  }

  /** The default job's optimiser, or another one's own defaults, with the given options applied. */
  private OptimizerConfig optimizerConfig() {
    String name = optimizer.toLowerCase(Locale.ROOT);
    boolean isDefault = name.equals(DEFAULT.optimizer().name());
    OptimizerConfig opt = isDefault ? DEFAULT.optimizer() : OptimizerConfig.defaults(name);
    if (isDefault || given("--lr")) {
      opt = opt.withLr(lr);
    }
    if (isDefault || given("--weight-decay")) {
      opt = opt.withWeightDecay(weightDecay);
    }
    if (momentum != null) {
      opt = opt.withMomentum(momentum);
    }
    return opt.withDecayObjectiveVariables(decayObjectiveVariables);
  }

  /** A known dataset (or alias) that is missing is fetched first (Debian's package or the official download). */
  private void ensureFetched(Path dir) {
    if (Datasets.canonicalName(dataset.trim().toLowerCase(Locale.ROOT)).isEmpty()) {
      return;
    }
    try {
      Datasets.locate(dataset, dir, DatasetOptions.DEFAULTS);
    } catch (UserException missing) {
      new DatasetFetcher(new PrintWriter(System.err, true)).fetch(dataset, dir, null, true);
    }
  }

  private static String defaultPreset(ImageDataset ds) {
    String name = ds.name().toLowerCase(Locale.ROOT);
    if (ds.channels() == 1) {
      return "fashion-mnist";
    }
    return name.startsWith("stl10") || ds.height() > 64 ? "imagenet" : "cifar";
  }

  private static void printTable(RunDirectory run, RunSummary s, List<EvalRunner.Ran> finals) {
    MarkdownTable t = new MarkdownTable("epoch", "loss", "kNN top-1 (%)");
    for (EpochMetrics m : MetricsLog.resume(run.metrics(), Integer.MAX_VALUE).epochs()) {
      t.row(m.epoch(), String.format("%.4f", m.loss()), m.knnTop1() == null ? "-" : String.format("%.2f", 100 * m.knnTop1()));
    }
    System.out.println();
    System.out.print(t);
    if (s.bestKnnTop1() != null) {
      System.out.printf("best kNN top-1 %.2f%% (epoch %d); %.0f s; %.0f img/s%n", 100 * s.bestKnnTop1(), s.bestEpoch(), s.wallSeconds(), s.meanImagesPerSecond());
    }
    if (!finals.isEmpty()) {
      MarkdownTable f = new MarkdownTable("final evaluation", "result", "time (s)");
      for (EvalRunner.Ran r : finals) {
        f.row(r.record().title(), r.record().figure(),
            String.format("%.1f", r.record().seconds()));
      }
      System.out.println();
      System.out.print(f);
    }
    System.out.println("run directory: " + run.root() + " (report.md)");
  }
}
