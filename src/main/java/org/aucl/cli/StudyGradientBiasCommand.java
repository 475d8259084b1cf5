package org.aucl.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.loss.ContrastiveObjective;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.model.ContrastiveNet;
import org.aucl.run.RunCheckpoint;
import org.aucl.study.ChunkedGradient;
import org.aucl.study.FixedViews;
import org.aucl.study.GradientBiasReport;
import org.aucl.study.GradientBiasStudy;
import org.aucl.study.StudyInputs;
import org.aucl.util.Processor;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code aucl study gradient-bias RUN_DIR}: at a run's checkpoint, on a pool of its images with fixed
 * views, the mean mini-batch gradient of each loss against its full-pool gradient, per batch size
 * ({@link GradientBiasStudy}); a table printed and written with a CSV and a plot.
 */
@Command(name = "gradient-bias", mixinStandardHelpOptions = true,
    description = "Bias of the mini-batch gradient on real images: at a run's checkpoint, the mean mini-batch gradient "
        + "against the full-pool gradient, per batch size and loss.")
public final class StudyGradientBiasCommand implements Runnable, Checked {
  /** The largest pool: the full-pool loss compares every pair of its 2N views. */
  static final int MAX_POOL = 8192;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin VerboseOption verbose;
  @Mixin DataDirOption dataDir;
  @Mixin DeviceOption device;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory made by 'aucl pretrain' (two-view method).")
  Path runDir;

  @Mixin CheckpointOption checkpoint;

  @Option(names = "--losses", split = ",", paramLabel = "NAMES", defaultValue = "auc-cl,simclr",
      description = "Comma-separated losses among auc-cl, simclr and dcl (default: ${DEFAULT-VALUE}).")
  List<String> losses;

  @Option(names = "--temperature", defaultValue = "0.5", description = "SimCLR's and DCL's tau (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--pool", defaultValue = "1024", description = "Images in the pool, each with two fixed views "
      + "(default: ${DEFAULT-VALUE}).")
  int pool;

  @Option(names = "--batch-sizes", split = ",", paramLabel = "SIZES", defaultValue = "16,32,64,128,256",
      description = "Comma-separated mini-batch sizes B (default: ${DEFAULT-VALUE}).")
  List<Integer> batchSizes;

  @Option(names = "--draws", defaultValue = "64", description = "Mini-batches averaged by one repetition (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(names = "--repeats", defaultValue = "5", description = "Independent repetitions, for the 95% intervals "
      + "(default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--chunk", defaultValue = "256", description = "Views per forward pass: bounds the memory "
      + "(default: ${DEFAULT-VALUE}).")
  int chunk;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the pool, its views and the draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write gradient-bias.md, .csv and .png (default: RUN_DIR).")
  Path out;

  /** The study's rows, for tests. */
  List<GradientBiasStudy.Row> rows;

  private GradientBiasStudy.Settings settings;
  private RunCheckpoint ckpt;

  @Override
  public void check() {
    if (pool < 2 || pool > MAX_POOL || chunk < 1 || chunk > MAX_POOL) {
      throw new UserException("--pool must be between 2 and " + MAX_POOL + " and --chunk between 1 and " + MAX_POOL
          + "; got " + pool + " and " + chunk + ".");
    }
    settings = UserInput.check(() -> {
      GradientBiasStudy.Settings s = new GradientBiasStudy.Settings(batchSizes, draws, repeats, seed);
      s.requirePool(pool);
      ObjectiveConfig.of("simclr").withTemperature(temperature);
      return s;
    });
    for (String n : losses) {
      String name = UserInput.check(() -> org.aucl.loss.Objectives.canonical(n));
      if (!List.of("auc-cl", "simclr", "dcl").contains(name)) {
        throw new UserException("--losses: the gradient study takes auc-cl, simclr and dcl, not " + name
            + " (its per-image state changes as batches are drawn).");
      }
    }
    ckpt = checkpoint.open(runDir);
    StudyInputs.twoView(ckpt);
  }

  @Override
  public void run() {
    if (settings == null) {
      check();
    }
    PrintWriter console = spec.commandLine().getOut();
    Path dir = out != null ? out : runDir;
    long start = System.nanoTime();
    FixedViews views = StudyInputs.views(ckpt, dataDir.given() != null ? dataDir.given()
        : Path.of(ckpt.config().data().dataDir()), pool, seed);
    List<ContrastiveObjective> opened = new ArrayList<>();
    try (ContrastiveNet net = StudyInputs.net(ckpt, device.resolve(), chunk); NDManager manager = NDManager.newBaseManager(net.device())) {
      List<GradientBiasStudy.NamedLoss> named = UserInput.check(
          () -> StudyInputs.losses(ckpt, losses, temperature, manager, opened));
      StringBuilder header = new StringBuilder();
      header.append(String.format("%s, checkpoint %s (epoch %d); pool %d images of %s, two fixed views each (seed %d); "
          + "BatchNorm in evaluation mode, %s; %d mini-batches x %d repeats per size; %s%n",
          runDir, ckpt.which(), ckpt.state().epoch(), pool, ckpt.config().data().dataset(), seed, net.memoryFormat().label(), draws, repeats,
          Processor.describe()));
      for (GradientBiasStudy.NamedLoss l : named) {
        header.append("- ").append(l.describe()).append('\n');
      }
      console.print(header);
      console.flush();
      rows = GradientBiasStudy.run(new ChunkedGradient(net, views, chunk), pool, named, settings, manager, line -> {
        console.println(line);
        console.flush();
      });
      String table = GradientBiasReport.table(rows);
      console.println();
      console.print(table);
      Files.createDirectories(dir);
      GradientBiasReport.write(dir, header.toString(), rows);
      console.printf("%nWrote %s, %s and %s in %s (%.0f s).%n", GradientBiasReport.MARKDOWN, GradientBiasReport.CSV,
          GradientBiasReport.PLOT, dir, (System.nanoTime() - start) / 1e9);
      console.flush();
    } catch (java.io.IOException e) {
      throw new UserException("could not write to " + dir + ": " + e.getMessage(), e);
    } finally {
      opened.forEach(ContrastiveObjective::close);
    }
  }
}
