package org.aucl.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.aucl.model.ConvCase;
import org.aucl.model.ConvChannels;
import org.aucl.model.EngineThreads;
import org.aucl.model.KernelCheck;
import org.aucl.util.Processor;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aucl bench kernels}: every convolution a ResNet runs, at several channel counts, in float32
 * in both layouts against float64 ({@link KernelCheck}); which paths are wrong on this processor, and
 * whether aucl's rule on channel counts ({@link ConvChannels}) keeps training off them. Each channel
 * count runs in a child JVM, because a faulty kernel can also crash the process (SIGSEGV).
 */
@Command(
    name = "kernels",
    mixinStandardHelpOptions = true,
    description = "Checks the engine's float32 convolutions in both layouts against float64 (docs/MODELS.md).")
public final class BenchKernelsCommand implements Runnable, Checked {
  private static final String WRONG = "WRONG";

  @Mixin VerboseOption verbose;

  @Option(names = "--channels", split = ",", defaultValue = "4,8,12,16,24,32,40,48,64",
      description = "Channel counts of the narrowest layer (default: ${DEFAULT-VALUE}).")
  List<Integer> channels;

  @Option(names = "--in-channels", split = ",", defaultValue = "1,3",
      description = "Image channels the stems read (default: ${DEFAULT-VALUE}).")
  List<Integer> inChannels;

  @Option(names = "--image-size", defaultValue = "12", description = "Side of the inputs (default: ${DEFAULT-VALUE}).")
  int imageSize;

  @Option(names = "--batch", defaultValue = "16", description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads; 0: all available processors.")
  int threads;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--in-process", hidden = true, description = "Runs the cases in this JVM and prints only table rows.")
  boolean inProcess;

  @Override
  public void check() {
    if (imageSize < 8 || imageSize > 512 || batch < 1 || batch > 1024 || threads < 0 || threads > 1024
        || channels.isEmpty() || channels.stream().anyMatch(c -> c < 1 || c > 4096)
        || inChannels.isEmpty() || inChannels.stream().anyMatch(c -> c < 1 || c > 64)) {
      throw new UserException("--image-size must be between 8 and 512, --batch between 1 and 1024, --threads between 0 and "
          + "1024, every --channels value between 1 and 4096 and every --in-channels value between 1 and 64.");
    }
  }

  @Override
  public void run() {
    check();
    EngineThreads.configure(threads);
    if (inProcess) {
      printRows();
      return;
    }
    System.out.printf(Locale.ROOT, "kernel check: %s %s, intra-op threads %d, ONEDNN_MAX_CPU_ISA=%s, processor %s%n",
        Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(), EngineThreads.current(),
        System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "(unset)"), Processor.describe());
    System.out.printf(Locale.ROOT, "batch %d, images %d x %d; relative error of float32 against float64 (right: <= %.0e)%n%n",
        batch, imageSize, imageSize, KernelCheck.TOLERANCE);
    System.out.println("| case | layout | output | input grad | weight grad | verdict |");
    System.out.println("|---|---|---|---|---|---|");
    TreeSet<Integer> wrong = new TreeSet<>();
    TreeSet<Integer> crashed = new TreeSet<>();
    for (int c : channels) {
      int exit = runChild(c, wrong);
      if (exit != 0) {
        crashed.add(c);
        System.out.printf(Locale.ROOT, "| %d channels | | | | | CRASHED (exit %d) |%n", c, exit);
      }
    }
    System.out.println();
    if (wrong.isEmpty() && crashed.isEmpty()) {
      System.out.println("Every path is right on this processor with these settings.");
    } else {
      System.out.println("Wrong at " + wrong + " channels; the process crashed at " + crashed + " channels.");
    }
    boolean covered = wrong.stream().noneMatch(ConvChannels::allowedOnCpu) && crashed.stream().noneMatch(ConvChannels::allowedOnCpu);
    System.out.println(covered
        ? "aucl's rule (channel counts multiples of " + ConvChannels.CPU_MULTIPLE + " on the CPU) keeps training off every fault found."
        : "A fault at an allowed channel count: aucl's rule does not cover this processor; please report it with this table.");
  }

  /** Runs channel count {@code c} in a child JVM, relays its rows, notes a wrong path; returns its exit code. */
  private int runChild(int c, TreeSet<Integer> wrong) {
    try {
      Path errorFile = Files.createTempFile("aucl-kernels", ".log");
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      cmd.add("-XX:ErrorFile=" + errorFile);
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "kernels",
          "--in-process", "--channels", Integer.toString(c), "--in-channels", join(inChannels),
          "--image-size", Integer.toString(imageSize), "--batch", Integer.toString(batch),
          "--threads", Integer.toString(threads), "--seed", Long.toString(seed)));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("| ")) {
            System.out.println(line);
            if (line.contains(WRONG)) {
              wrong.add(c);
            }
          }
        }
      }
      int exit = p.waitFor();
      Files.deleteIfExists(errorFile);
      return exit;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking " + c + " channels.", e);
    }
  }

  private void printRows() {
    try (NDManager m = NDManager.newBaseManager()) {
      for (int c : channels) {
        for (ConvCase k : cases(c)) {
          for (KernelCheck.PathErrors e : KernelCheck.compare(k, seed, m)) {
            boolean right = e.rightFor(KernelCheck.Needs.training(k));
            String verdict = right && e.inputGradient() > KernelCheck.TOLERANCE
                ? "right (input grad wrong, unused)" : right ? "right" : WRONG;
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", k, e.layout().label(),
                fmt(e.output()), fmt(e.inputGradient()), fmt(e.weightGradient()), verdict);
            System.out.flush();
          }
        }
      }
    }
  }

  /**
   * The convolutions of an encoder whose narrowest layer has {@code c} channels: a ResNet's stems, body,
   * stride-2 entry and shortcut, and a ViT's patch embedding (patch 4).
   */
  List<ConvCase> cases(int c) {
    List<ConvCase> cases = new ArrayList<>();
    for (int in : inChannels) {
      cases.add(ConvCase.resnet("stem", in, c, 3, 1, imageSize, batch));
      cases.add(ConvCase.resnet("stem", in, c, 7, 2, imageSize, batch));
      cases.add(new ConvCase("patch", in, c, 4, 4, 0, imageSize, batch));
    }
    cases.add(ConvCase.resnet("body", c, c, 3, 1, imageSize, batch));
    cases.add(ConvCase.resnet("down", c, 2 * c, 3, 2, imageSize, batch));
    cases.add(ConvCase.resnet("shortcut", c, 2 * c, 1, 2, imageSize, batch));
    return cases;
  }

  private static String join(List<Integer> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  private static String fmt(double e) {
    return Double.isInfinite(e) ? "non-finite" : String.format(Locale.ROOT, "%.1e", e);
  }
}
