package org.aucl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.run.EpochMetrics;
import org.aucl.run.MetricsLog;
import org.aucl.run.Provenance;
import org.aucl.run.RunStatus;
import org.aucl.spec.RunSpec;
import org.aucl.testkit.CommandRun;
import org.aucl.train.TrainingFaults;
import org.aucl.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep through the command line (synthetic data, a quarter-width ResNet on 16-pixel images,
 * a few steps per run): a sweep killed inside a run continues where it stopped, finished runs are
 * skipped, and the three outputs hold every run.
 */
class SweepEndToEndTest {
  private static final String DATA = "synthetic:n=256,test=128,size=16,channels=1,classes=4,seed=3";

  @TempDir Path tmp;

  private static List<String> sweep(Path out, String objectives, String batchSizes, String... extra) {
    List<String> args = new ArrayList<>(List.of("sweep", "--objectives", objectives, "--batch-sizes", batchSizes,
        "--seeds", "1", "--out", out.toString(), "--quiet"));
    args.addAll(List.of(extra));
    args.addAll(List.of("--", "--dataset", DATA, "--recipe", "official-cifar", "--width", "0.25", "--proj-hidden", "32",
        "--proj-out", "16", "--epochs", "1", "--knn-k", "10", "--workers", "1"));
    return args;
  }

  @Test
  void aKilledSweepContinuesSkipsFinishedRunsAndWritesItsResults() throws Exception {
    Path out = tmp.resolve("sweep");
    // a first sweep finishes one run of the grid...
    CommandRun one = CommandRun.of(sweep(out, "auc-cl", "32"));
    assertEquals(0, one.exit(), one.toString());
    assertTrue(Files.isRegularFile(out.resolve("auc-cl-b32-s1/summary.json")));

    // ...the whole grid is then killed at step 2 of its second run (4 steps of batch 64)...
    CommandRun killedRun;
    try (TrainingFaults.Installed kill = TrainingFaults.install(new TrainingFaults() {
      @Override
      public boolean killAfterStep(long step) {
        return step >= 2;
      }
    })) {
      killedRun = CommandRun.of(sweep(out, "auc-cl,simclr", "32,64"));
    }
    assertEquals(0, killedRun.exit(), killedRun.toString());
    String killed = killedRun.out();
    assertTrue(killed.contains("run 1/4 auc-cl-b32-s1: finished before, skipped"), killed);
    assertTrue(Files.isRegularFile(out.resolve("auc-cl-b64-s1/config.json")));
    assertFalse(Files.exists(out.resolve("auc-cl-b64-s1/summary.json")), "the killed run did not finish");
    assertFalse(Files.exists(out.resolve("simclr-b32-s1")), "nothing after the killed run started");

    // ...and the same command continues it: the killed run resumes mid-epoch, the rest run
    CommandRun resumedRun = CommandRun.of(sweep(out, "auc-cl,simclr", "32,64"));
    assertEquals(0, resumedRun.exit(), resumedRun.toString());
    String resumed = resumedRun.out();
    assertTrue(resumed.contains("run 1/4 auc-cl-b32-s1: finished before, skipped"), resumed);
    assertTrue(resumed.contains("run 2/4 auc-cl-b64-s1: resuming"), resumed);
    assertTrue(resumed.contains("2 batches into the next (step 2)"), resumed);
    List<EpochMetrics> m = MetricsLog.resume(out.resolve("auc-cl-b64-s1/metrics.jsonl"), Integer.MAX_VALUE).epochs();
    assertEquals(1, m.size());
    assertEquals(4, m.get(0).step(), "256 images at batch 64: 4 steps in the one epoch");

    // the runs are the recipe's, with the grid's batch size and seed
    RunSpec c = Json.read(out.resolve("simclr-b64-s1/config.json"), Provenance.ConfigFile.class).config();
    assertEquals("official-cifar", c.recipe());
    assertEquals("simclr", c.twoView().objective().loss());
    assertEquals(64, c.schedule().batchSize());
    assertEquals("shifted-cosine", c.monitor().knnWeights());

    List<String> csv = Files.readAllLines(out.resolve(SweepReport.CSV));
    assertEquals(ResultsCsv.HEADER, csv.get(0));
    assertEquals(5, csv.size(), String.join("\n", csv));
    assertTrue(csv.get(1).startsWith("auc-cl,32,1,1,8,0.001,"), csv.get(1));
    assertTrue(csv.get(4).startsWith("simclr,64,1,1,4,0.001,"), csv.get(4));
    for (String line : csv.subList(1, 5)) {
      String[] f = line.split(",", -1);
      assertEquals(10, f.length, line);
      double top1 = Double.parseDouble(f[6]);
      assertTrue(top1 > 0 && top1 <= 100, line);
      assertEquals("", f[8], "no linear probe was asked for");
    }
    String table = Files.readString(out.resolve(SweepReport.TABLE));
    assertTrue(table.contains("4 of 4 runs finished"), table);
    assertTrue(table.contains("| objective | batch 32 "), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("| simclr ") && l.matches(".*\\d+\\.\\d\\d +\\|.*")), table);
    assertFalse(table.contains("## Linear top-1"), table);
    byte[] png = Files.readAllBytes(out.resolve(SweepReport.PLOT));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);

    // a finished sweep run again trains nothing; with --linear it adds the linear probe of every run
    long before = Files.getLastModifiedTime(out.resolve("simclr-b64-s1/summary.json")).toMillis();
    CommandRun againRun = CommandRun.of(sweep(out, "auc-cl,simclr", "32,64", "--linear"));
    assertEquals(0, againRun.exit(), againRun.toString());
    String again = againRun.out();
    assertEquals(4, again.lines().filter(l -> l.endsWith("finished before, skipped")).count(), again);
    assertEquals(before, Files.getLastModifiedTime(out.resolve("simclr-b64-s1/summary.json")).toMillis());
    assertEquals(4, again.lines().filter(l -> l.contains(": linear top-1 ")).count(), again);
    for (String line : Files.readAllLines(out.resolve(SweepReport.CSV)).subList(1, 5)) {
      double linear = Double.parseDouble(line.split(",", -1)[8]);
      assertTrue(linear > 0 && linear <= 100, line);
    }
    assertTrue(Files.readString(out.resolve(SweepReport.TABLE)).contains("## Linear top-1"));
  }

  @Test
  void aDivergedRunIsRecordedAndTheSweepGoesOn() throws Exception {
    Path out = tmp.resolve("diverging");
    // an absurd learning rate: the first update makes the weights overflow, the next step is non-finite
    List<String> args = new ArrayList<>(List.of("sweep", "--objectives", "auc-cl", "--batch-sizes", "32,64", "--seeds",
        "1", "--out", out.toString(), "--quiet", "--linear", "--", "--dataset", DATA, "--width", "0.25",
        "--proj-hidden", "32", "--proj-out", "16", "--epochs", "1", "--knn-k", "10", "--workers", "1", "--lr", "1e30"));
    CommandRun firstRun = CommandRun.of(args);
    assertEquals(0, firstRun.exit(), firstRun.toString());
    String first = firstRun.out();
    assertTrue(first.contains("run 1/2 auc-cl-b32-s1: diverged, the loss or a gradient became non-finite"), first);
    assertTrue(first.contains("run 2/2 auc-cl-b64-s1: diverged"), first + " (the second run still ran)");
    assertFalse(first.contains("linear top-1"), "a diverged run has no final checkpoint to probe: " + first);
    assertTrue(Files.readString(out.resolve("auc-cl-b32-s1/" + RunStatus.DIVERGED_FILE)).contains("non-finite"));
    String table = Files.readString(out.resolve(SweepReport.TABLE));
    assertTrue(table.contains("0 of 2 runs finished"), table);
    assertTrue(table.contains("## Diverged runs") && table.contains("auc-cl-b32-s1, auc-cl-b64-s1."), table);
    // run again: both are skipped, nothing is retrained
    CommandRun againRun = CommandRun.of(args);
    assertEquals(0, againRun.exit(), againRun.toString());
    String again = againRun.out();
    assertEquals(2, again.lines().filter(l -> l.contains(": diverged before, skipped")).count(), again);
  }
}
