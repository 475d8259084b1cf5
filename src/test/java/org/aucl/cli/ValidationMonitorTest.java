package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.RunFeatures;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.TinyRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selection without the test split: images held out of training, classified by the monitor. */
class ValidationMonitorTest {
  static final String DATA = "synthetic:n=256,test=64,size=16,channels=1,classes=4,seed=3";

  @TempDir Path tmp;

  @Test
  void theMonitorClassifiesTheValidationImagesAndTrainingNeverSeesThem() throws Exception {
    Path run = tmp.resolve("run");
    CommandRun r = CommandRun.of(TinyRun.pretrain(run, "--dataset", DATA, "--validation", "32", "--monitor-split", "val",
        "--knn-k", "10", "--final-evals", "knn"));
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("224 training images"), r.out());
    List<String> metrics = Files.readAllLines(run.resolve("metrics.jsonl"));
    assertTrue(metrics.get(0).contains("\"knnTop1\""), metrics.get(0));
    RunCheckpoint ckpt = RunCheckpoint.open(run, "last");
    var splits = RunFeatures.splitsFor(ckpt, null, null);
    assertEquals(224, splits.train().size(), "the evaluations' training split leaves the validation images out too");
    assertEquals(64, splits.test().size());
    assertTrue(splits.note().contains("32 validation images held out"), splits.note());
  }

  @Test
  void aValidationMonitorWithoutValidationImagesIsRefusedBeforeAnythingIsWritten() {
    Path run = tmp.resolve("refused");
    CommandRun r = CommandRun.of(TinyRun.pretrain(run, "--dataset", DATA, "--monitor-split", "val"));
    assertEquals(Cli.USER_ERROR, r.exit(), r.toString());
    assertTrue(r.err().contains("give --validation"), r.err());
    assertFalse(Files.exists(run));
    CommandRun bad = CommandRun.of(TinyRun.pretrain(run, "--dataset", DATA, "--monitor-split", "train"));
    assertEquals(Cli.USER_ERROR, bad.exit(), bad.toString());
    assertTrue(bad.err().contains("--monitor-split must be test or val"), bad.err());
  }
}
