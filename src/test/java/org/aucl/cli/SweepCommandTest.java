package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.testkit.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aucl sweep}: bad grids refused in one sentence before anything runs, and the dry run's plan. */
class SweepCommandTest {
  private static final String DATA = "synthetic:n=256,test=128,size=16,channels=1,classes=4,seed=3";

  @TempDir Path tmp;

  private List<String> sweep(String... gridAndPretrain) {
    List<String> args = new ArrayList<>(List.of("sweep", "--seeds", "1", "--out", tmp.resolve("sweep").toString()));
    args.addAll(List.of(gridAndPretrain));
    return args;
  }

  /** The one line printed on the error stream; asserts exit code 2 and that the sweep folder was not made. */
  private String refusal(List<String> args) {
    CommandRun r = CommandRun.of(args);
    assertEquals(Cli.USER_ERROR, r.exit(), r.toString());
    assertFalse(Files.exists(tmp.resolve("sweep")), "nothing may start before the grid is checked");
    String text = r.err().trim();
    assertEquals(1, text.lines().count(), text);
    return text;
  }

  @Test
  void badGridsAreRefusedInOneSentenceBeforeAnyRun() {
    String pretrain = "--";
    assertEquals("aucl: --batch-sizes: batch 512 is larger than the training set (256 images); use batch sizes of at most 256.",
        refusal(sweep("--objectives", "auc-cl", "--batch-sizes", "32,512", pretrain, "--dataset", DATA)));
    assertEquals("aucl: unknown objective 'byol' in --objectives: expected some of auc-cl, simclr, dcl, sogclr.",
        refusal(sweep("--objectives", "auc-cl,byol", "--batch-sizes", "32", pretrain, "--dataset", DATA)));
    assertEquals("aucl: --batch-size is set by the sweep for each run; use --objectives, --batch-sizes, --seeds or --out instead.",
        refusal(sweep("--batch-sizes", "32", pretrain, "--dataset", DATA, "--batch-size", "64")));
    assertEquals("aucl: --batch-sizes lists 32 twice.",
        refusal(sweep("--batch-sizes", "32,64,32", pretrain, "--dataset", DATA)));
    assertEquals("aucl: unknown --lr-rule 'cubic': expected one of fixed, linear, sqrt.",
        refusal(sweep("--lr-rule", "cubic", pretrain, "--dataset", DATA)));
    assertEquals("aucl: --reference-batch 512 is larger than the training set (256 images), so the step budget would be zero.",
        refusal(sweep("--batch-sizes", "32", "--budget", "steps", "--reference-batch", "512", pretrain, "--dataset", DATA)));
    // a pretrain option's own refusal passes through, still before any run
    assertTrue(refusal(sweep("--batch-sizes", "32", pretrain, "--dataset", DATA, "--recipe", "nope"))
        .startsWith("aucl: unknown --recipe 'nope'"));
  }

  @Test
  void aDryRunPrintsThePlanWithMeasuredTimeAndRunsNothing() {
    CommandRun r = CommandRun.of(sweep("--objectives", "auc-cl,dcl", "--batch-sizes", "32,64", "--budget", "steps",
        "--reference-batch", "64", "--lr-rule", "linear", "--dry-run", "--", "--dataset", DATA, "--width", "0.25",
        "--stem", "cifar", "--proj-hidden", "32", "--proj-out", "16", "--epochs", "2", "--lr", "1e-3", "--knn-k", "10",
        "--workers", "1"));
    assertEquals(0, r.exit(), r.toString());
    String plan = r.out();
    assertFalse(Files.exists(tmp.resolve("sweep")), "a dry run makes nothing");
    // steps budget: 2 epochs x floor(256 / 64) = 8 steps; batch 32 takes 8 steps per epoch, so one epoch
    assertTrue(plan.lines().anyMatch(l -> l.matches("\\| auc-cl-b32-s1 +\\| 1 +\\| 8 +\\| 0.000500 +\\| new .*")), plan);
    assertTrue(plan.lines().anyMatch(l -> l.matches("\\| dcl-b64-s1 +\\| 2 +\\| 8 +\\| 0.00100 +\\| new .*")), plan);
    assertTrue(plan.contains("measured at batch 32:"), plan);
    assertTrue(plan.contains("estimated time:") && plan.contains("for 4 unfinished runs"), plan);
  }
}
