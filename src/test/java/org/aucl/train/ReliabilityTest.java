package org.aucl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.cli.Cli;
import org.aucl.run.Checkpoints;
import org.aucl.run.EpochMetrics;
import org.aucl.run.MetricsLog;
import org.aucl.run.RunDirectory;
import org.aucl.run.RunLock;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.Reproducible;
import org.aucl.testkit.TinyRun;
import org.aucl.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mid-epoch resume, non-finite steps, the run lock and determinism, on tiny synthetic runs. */
class ReliabilityTest {
  private static final String DATA = "synthetic:n=256,test=64,size=16,channels=1,classes=4,seed=5";

  @TempDir Path tmp;

  /** This class's tiny run (two epochs of 8 steps, no kNN monitor, the default warm-up) with {@code extra} options. */
  private static List<String> tiny(Path out, String... extra) {
    List<String> overrides = new ArrayList<>(List.of(
        "--dataset", DATA, "--proj-hidden", "32", "--proj-out", "16", "--batch-size", "32", "--epochs", "2",
        "--warmup-epochs", TinyRun.OMIT, "--knn-k", "10", "--knn-every", "0", "--seed", "11"));
    overrides.addAll(List.of(extra));
    return TinyRun.pretrain(out, overrides.toArray(new String[0]));
  }

  private static int run(List<String> args) {
    return Cli.execute(args.toArray(new String[0]));
  }

  /** Runs {@code args} with {@code faults} installed. */
  private static int run(List<String> args, TrainingFaults faults) {
    try (TrainingFaults.Installed f = TrainingFaults.install(faults)) {
      return run(args);
    }
  }

  /** Runs {@code args} with {@code faults} installed, keeping what it printed. */
  private static CommandRun capture(List<String> args, TrainingFaults faults) {
    try (TrainingFaults.Installed f = TrainingFaults.install(faults)) {
      return CommandRun.of(args);
    }
  }

  /** A kill just after global step {@code step}'s mid-epoch checkpoint. */
  private static TrainingFaults killAfter(long step) {
    return new TrainingFaults() {
      @Override
      public boolean killAfterStep(long s) {
        return s >= step;
      }
    };
  }

  private static void assertSameWeights(Path a, Path b) throws Exception {
    for (String part : List.of("model.bin", "optimizer.bin", "objective.bin")) {
      Reproducible.assertSameFile(a.resolve("checkpoints/last").resolve(part), b.resolve("checkpoints/last").resolve(part));
    }
  }

  @Test
  void aRunStoppedInsideAnEpochResumesToTheSameWeightsAndLosses() throws Exception {
    Reproducible.attempt(tmp, dir -> {
      Path whole = dir.resolve("whole");
      Path cut = dir.resolve("cut");
      assertEquals(0, run(tiny(whole)));
      // 8 steps per epoch: stop in the middle of epoch 2, after a mid-epoch checkpoint at step 10
      assertEquals(0, run(tiny(cut, "--checkpoint-every", "2"), killAfter(11)));
      Checkpoints.State s = Checkpoints.readState(cut.resolve("checkpoints/last"));
      assertEquals(1, s.epoch());
      assertEquals(3, s.batchInEpoch());
      assertEquals(0, run(List.of("pretrain", "--resume", cut.toString(), "--quiet")));
      assertSameWeights(whole, cut);
      List<EpochMetrics> a = MetricsLog.resume(whole.resolve("metrics.jsonl"), 9).epochs();
      List<EpochMetrics> b = MetricsLog.resume(cut.resolve("metrics.jsonl"), 9).epochs();
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i).loss(), b.get(i).loss(), 0.0, "epoch " + (i + 1) + " loss, the determinism the docs promise");
        assertEquals(a.get(i).knnTop1(), b.get(i).knnTop1());
      }
    });
  }

  @Test
  void aRunKilledBeforeItsFirstCheckpointStartsOverAndACorruptCheckpointIsPassedOver() throws Exception {
    Reproducible.attempt(tmp, dir -> {
      Path whole = dir.resolve("whole");
      assertEquals(0, run(tiny(whole)));
      Path early = dir.resolve("early");
      assertEquals(0, run(tiny(early, "--epochs", "2"), killAfter(3)));
      // as if killed before any checkpoint: only config.json is left
      org.aucl.util.FileTrees.delete(early.resolve("checkpoints"));
      Files.deleteIfExists(early.resolve("metrics.jsonl"));
      assertEquals(0, run(List.of("pretrain", "--resume", early.toString(), "--quiet")));
      assertSameWeights(whole, early);

      // a truncated last checkpoint: the previous complete one is used, and the run still ends the same
      Path cut = dir.resolve("cut");
      assertEquals(0, run(tiny(cut, "--checkpoint-every", "1"), killAfter(12)));
      Path model = cut.resolve("checkpoints/last/model.bin");
      Files.write(model, java.util.Arrays.copyOf(Files.readAllBytes(model), 10));
      assertTrue(Checkpoints.problem(cut.resolve("checkpoints/last")).isPresent());
      assertEquals(0, run(List.of("pretrain", "--resume", cut.toString(), "--quiet")));
      assertSameWeights(whole, cut);
    });
  }

  @Test
  void nonFiniteStepsStopTheRunOrAreSkipped() throws Exception {
    Path stop = tmp.resolve("stop");
    assertEquals(0, run(tiny(stop, "--stop-after", "1")));
    byte[] kept = Files.readAllBytes(stop.resolve("checkpoints/last/model.bin"));
    setLearningRate(stop, 1e30);
    assertEquals(Cli.NON_FINITE, run(List.of("pretrain", "--resume", stop.toString(), "--quiet")));
    assertArrayEquals(kept, Files.readAllBytes(stop.resolve("checkpoints/last/model.bin")), "the last checkpoint is kept");
    assertEquals(1, Checkpoints.readState(stop.resolve("checkpoints/last")).epoch());

    Path skip = tmp.resolve("skip");
    assertEquals(0, run(tiny(skip, "--lr", "1e30", "--on-nan", "skip", "--knn-every", "0")));
    List<EpochMetrics> epochs = MetricsLog.resume(skip.resolve("metrics.jsonl"), 9).epochs();
    assertTrue(epochs.get(1).skippedSteps() != null && epochs.get(1).skippedSteps() > 0, "skipped steps are counted");
  }

  @Test
  void aNonFiniteStepThatDoesNotRepeatIsComputedAgainAndTheRunEndsAsAnUninterruptedOne() throws Exception {
    Reproducible.attempt(tmp, dir -> {
      Path whole = dir.resolve("whole");
      assertEquals(0, run(tiny(whole)));
      Path retried = dir.resolve("retried");
      CommandRun r = capture(tiny(retried), new TrainingFaults() {
        @Override
        public boolean nonFiniteFirstTry(long step) {
          return step == 5;
        }
      });
      assertEquals(0, r.exit(), r.toString());
      assertTrue(r.out().contains("step 5: the loss or a gradient was non-finite; computed again, it was finite at try 2"),
          r.out());
      assertSameWeights(whole, retried);
      List<EpochMetrics> epochs = MetricsLog.resume(retried.resolve("metrics.jsonl"), 9).epochs();
      assertEquals(null, epochs.get(0).skippedSteps(), "a step finite when computed again is not skipped");
    });
  }

  private static void setLearningRate(Path run, double lr) throws Exception {
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(run.resolve("config.json").toFile());
    ((ObjectNode) root.path("config").path("optimizer")).put("lr", lr);
    Files.writeString(run.resolve("config.json"), Json.MAPPER.writeValueAsString(root));
  }

  @Test
  void aFullDiskIsOneSentenceLeavesNoTemporaryFileKeepsTheLastCheckpointAndResumes() throws Exception {
    Reproducible.attempt(tmp, dir -> {
      Path whole = dir.resolve("whole");
      assertEquals(0, run(tiny(whole, "--checkpoint-every", "0")));
      long parts = 0;
      for (String part : List.of("model.bin", "optimizer.bin", "objective.bin")) {
        parts += Files.size(whole.resolve("checkpoints/last").resolve(part));
      }
      // room for the epoch 1 checkpoint and half of epoch 2's: the disk fills while epoch 2's is written
      Path full = dir.resolve("full");
      SimulatedDisk disk = new SimulatedDisk(parts * 3 / 2);
      CommandRun filled = capture(tiny(full, "--checkpoint-every", "0"), new TrainingFaults() {
        @Override
        public Checkpoints.PartWriter checkpointWriter(Checkpoints.PartWriter writer) {
          return disk.limit(writer);
        }
      });
      assertEquals(Cli.USER_ERROR, filled.exit(), filled.toString());
      String said = filled.err();
      assertEquals(1, said.strip().lines().count(), "one sentence: " + said);
      assertTrue(said.contains("No space left on device") && said.contains("epoch 1") && said.contains("--resume " + full),
          said);
      assertTrue(!said.contains("bug") && !said.contains("Exception"), said);
      try (var files = Files.walk(full)) {
        assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
            "no half-written file is left");
      }
      assertTrue(Checkpoints.problem(full.resolve("checkpoints/last")).isEmpty(), "the last checkpoint verifies");
      assertEquals(1, Checkpoints.readState(full.resolve("checkpoints/last")).epoch());
      assertEquals(0, run(List.of("pretrain", "--resume", full.toString(), "--quiet")), "space freed: the run resumes");
      assertSameWeights(whole, full);

      Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
      CommandRun unwritable = CommandRun.of(tiny(file.resolve("run")));
      assertEquals(Cli.USER_ERROR, unwritable.exit(), unwritable.toString());
      assertTrue(unwritable.err().contains("cannot create run directory"), "an unwritable output folder");
    });
  }

  @Test
  void aSecondProcessIsRefusedAndImpossibleOptionsAreOneSentence() throws Exception {
    Path out = tmp.resolve("locked");
    assertEquals(0, run(tiny(out), killAfter(3)));
    try (RunLock held = RunLock.acquire(new RunDirectory(out))) {
      assertEquals(Cli.USER_ERROR, run(List.of("pretrain", "--resume", out.toString(), "--quiet")));
    }
    assertEquals(0, run(List.of("pretrain", "--resume", out.toString(), "--quiet")), "the lock is released");
    // a kNN bank of 256 images: the refusal comes before any memory is spent
    CommandRun k = CommandRun.of(tiny(tmp.resolve("k"), "--knn-k", "100000", "--knn-every", "1"));
    assertEquals(Cli.USER_ERROR, k.exit(), k.toString());
    assertTrue(k.err().contains("larger than the kNN bank"));
    CommandRun c = CommandRun.of(tiny(tmp.resolve("c"), "--checkpoint-every", "soon"));
    assertEquals(Cli.USER_ERROR, c.exit(), c.toString());
    assertTrue(c.err().contains("--checkpoint-every takes"));
    CommandRun n = CommandRun.of(tiny(tmp.resolve("n"), "--on-nan", "ignore"));
    assertEquals(Cli.USER_ERROR, n.exit(), n.toString());
    assertTrue(n.err().contains("--on-nan must be stop or skip"));
    CommandRun e = CommandRun.of(tiny(tmp.resolve("e"), "--epochs", "0"));
    assertEquals(Cli.USER_ERROR, e.exit(), e.toString());
    assertTrue(e.err().contains("--epochs must be at least 1"));
    CommandRun w = CommandRun.of(tiny(tmp.resolve("w"), "--width", "0.001"));
    assertEquals(Cli.USER_ERROR, w.exit(), w.toString());
    assertTrue(w.err().contains("gives the first stage no channels"));
    CommandRun b = CommandRun.of(tiny(tmp.resolve("b"), "--batch-size", "1000"));
    assertEquals(Cli.USER_ERROR, b.exit(), b.toString());
    assertTrue(b.err().contains("larger than the training set"));
  }
}
