package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aucl.study.GradientBiasReport;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.TinyRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StudyCommandTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Cli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void biasPrintsATableRowPerLossAndSize() {
    Run r = run("study", "bias", "--losses", "auc-cl,nt-xent", "--pool", "64", "--batch-sizes", "4,16",
        "--trials", "20", "--dim", "8", "--seed", "5");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("(?s).*\\| loss +\\| batch size \\| full-pool value.*"), r.out());
    assertEquals(4, r.out().lines().filter(l -> l.startsWith("| auc-cl ") || l.startsWith("| simclr ")).count(), r.out());
  }

  @Test
  void badArgumentsEndInOneSentence() {
    Run r = run("study", "bias", "--losses", "auc-cl,infonce", "--pool", "64");
    assertEquals(Cli.USER_ERROR, r.code());
    assertTrue(r.err().startsWith("aucl: --losses: Unknown loss 'infonce'"), r.err());
    Run big = run("study", "bias", "--pool", "8", "--batch-sizes", "4,16");
    assertEquals(Cli.USER_ERROR, big.code());
    assertTrue(big.err().contains("Batch size 16 must lie between 2 and the pool size 8."), big.err());
  }

  @Test
  void speedReportsMillisecondsPerStep() {
    Run r = run("study", "speed", "--losses", "auc-cl,sogclr", "--batch", "16", "--dim", "8", "--steps", "2", "--warmup", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("(?s).*auc-cl\\s+[0-9.]+ ms/step.*sogclr\\s+[0-9.]+ ms/step.*"), r.out());
  }

  @Test
  void gradientBiasWritesItsTableCsvAndPlot(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    CommandRun made = CommandRun.of(TinyRun.pretrain(run, "--dataset", "synthetic:n=128,test=64,size=16,channels=1,classes=4,seed=3",
        "--batch-size", "32", "--workers", "1", "--final-evals", "none"));
    assertEquals(0, made.exit(), made.toString());
    Path out = tmp.resolve("study");
    CommandRun r = CommandRun.of("study", "gradient-bias", run.toString(), "--pool", "32", "--batch-sizes", "4,16",
        "--draws", "3", "--repeats", "2", "--chunk", "16", "--out", out.toString());
    assertEquals(0, r.exit(), r.toString());
    for (String f : List.of(GradientBiasReport.MARKDOWN, GradientBiasReport.CSV, GradientBiasReport.PLOT)) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    List<String> csv = Files.readAllLines(out.resolve(GradientBiasReport.CSV));
    assertEquals(1 + 4, csv.size(), String.join("\n", csv)); // two losses x two sizes
    for (String line : csv.subList(1, csv.size())) {
      String[] cells = line.split(",");
      double cosine = Double.parseDouble(cells[4]);
      assertTrue(cosine >= -1 && cosine <= 1, line);
      assertTrue(Double.parseDouble(cells[6]) >= 0, line);
    }
    assertTrue(Files.readString(out.resolve(GradientBiasReport.MARKDOWN)).contains("(a, b and alpha held fixed)"));

    CommandRun sog = CommandRun.of("study", "gradient-bias", run.toString(), "--losses", "auc-cl,sogclr");
    assertEquals(Cli.USER_ERROR, sog.exit(), sog.toString());
    CommandRun big = CommandRun.of("study", "gradient-bias", run.toString(), "--pool", "4096", "--batch-sizes", "16");
    assertEquals(Cli.USER_ERROR, big.exit(), big.toString());
    assertTrue(big.toString().contains("larger than the run's training split (128 images)"), big.toString());
  }
}
