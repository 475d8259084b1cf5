package org.aucl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.run.Checkpoints;
import org.aucl.run.EpochMetrics;
import org.aucl.run.MetricsLog;
import org.aucl.run.RunDirectory;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints, RunDirectory and MetricsLog on their own. */
class RunFilesTest {
  @TempDir Path tmp;

  private static Map<String, Checkpoints.PartWriter> parts(int value) {
    Map<String, Checkpoints.PartWriter> parts = new LinkedHashMap<>();
    parts.put("model", out -> out.writeInt(value));
    parts.put("optimizer", out -> out.writeUTF("moments " + value));
    return parts;
  }

  @Test
  void checkpointRoundTripsItsPartsAndState() {
    Path dir = tmp.resolve("checkpoints/last");
    Checkpoints.State s = new Checkpoints.State(3, 1200, 0.81, 2, 95.5, 0, null, null);
    Checkpoints.save(dir, s, parts(7));
    assertEquals(s, Checkpoints.readState(dir));
    int[] model = new int[1];
    String[] optimizer = new String[1];
    Checkpoints.load(dir, "model", in -> model[0] = in.readInt());
    Checkpoints.load(dir, "optimizer", in -> optimizer[0] = in.readUTF());
    assertEquals(7, model[0]);
    assertEquals("moments 7", optimizer[0]);
    assertFalse(Files.exists(tmp.resolve("checkpoints/last.tmp")), "no temporary folder is left");
  }

  @Test
  void aFailingPartLeavesThePreviousCheckpointWhole() {
    Path dir = tmp.resolve("checkpoints/last");
    Checkpoints.save(dir, new Checkpoints.State(1, 10, null, null, 1, 0, null, null), parts(1));
    Map<String, Checkpoints.PartWriter> broken = parts(2);
    broken.put("objective", out -> {
      throw new IOException("disk full");
    });
    assertThrows(RuntimeException.class, () -> Checkpoints.save(dir, new Checkpoints.State(2, 20, null, null, 2, 0, null, null), broken));
    assertEquals(1, Checkpoints.readState(dir).epoch());
    assertFalse(Files.exists(tmp.resolve("checkpoints/last.tmp")), "the half-written checkpoint is removed");
    int[] model = new int[1];
    Checkpoints.load(dir, "model", in -> model[0] = in.readInt());
    assertEquals(1, model[0]);
  }

  @Test
  void missingCheckpointFilesAreOneSentence() {
    UserException e = assertThrows(UserException.class, () -> Checkpoints.readState(tmp.resolve("nowhere")));
    assertTrue(e.getMessage().contains("state.json is missing"), e.getMessage());
    assertThrows(UserException.class, () -> Checkpoints.load(tmp, "model", in -> in.readInt()));
  }

  @Test
  void runDirectoryRefusesToOverwriteAndToOpenAFolderThatIsNoRun() throws IOException {
    Path root = tmp.resolve("run");
    RunDirectory run = RunDirectory.create(root);
    assertTrue(Files.isDirectory(root.resolve("checkpoints")));
    Files.writeString(run.config(), "{}");
    UserException again = assertThrows(UserException.class, () -> RunDirectory.create(root));
    assertTrue(again.getMessage().contains("already holds a run"), again.getMessage());
    assertEquals(root, RunDirectory.open(root).root(), "a run without a checkpoint yet opens (it starts over)");
    UserException notRun = assertThrows(UserException.class, () -> RunDirectory.open(tmp.resolve("other")));
    assertTrue(notRun.getMessage().contains("no config.json"), notRun.getMessage());
  }

  @Test
  void promotingLastToBestCopiesEveryFile() throws IOException {
    RunDirectory run = RunDirectory.create(tmp.resolve("run"));
    Files.writeString(run.config(), "{}");
    Checkpoints.save(run.lastCheckpoint(), new Checkpoints.State(1, 5, 0.5, 1, 1, 0, null, null), parts(11));
    run.promoteLastToBest();
    Checkpoints.save(run.lastCheckpoint(), new Checkpoints.State(2, 10, 0.5, 1, 2, 0, null, null), parts(12));
    assertEquals(1, Checkpoints.readState(run.bestCheckpoint()).epoch());
    assertArrayEquals(Files.readAllBytes(run.bestCheckpoint().resolve("model.bin")), new byte[] {0, 0, 0, 11});
    assertEquals(2, Checkpoints.readState(RunDirectory.open(run.root()).lastCheckpoint()).epoch());
  }

  private static EpochMetrics epoch(int e) {
    return new EpochMetrics(e, 10L * e, 1.0 / e, 0.9, 0.5, 0.8, 1e-3, e == 2 ? null : 0.7 + e / 100.0, null, 100, 2, 2.0 * e,
        Map.of("b", 0.1 * e), null);
  }

  @Test
  void metricsLogWritesOneLinePerEpochAndResumeDropsLaterEpochs() throws IOException {
    Path file = tmp.resolve("metrics.jsonl");
    MetricsLog log = MetricsLog.create(file);
    for (int e = 1; e <= 3; e++) {
      log.append(epoch(e));
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(3, lines.size());
    assertFalse(lines.get(1).contains("knnTop1"), "an epoch without kNN writes no kNN field: " + lines.get(1));
    MetricsLog resumed = MetricsLog.resume(file, 2);
    assertEquals(List.of(epoch(1), epoch(2)), resumed.epochs());
    resumed.append(epoch(3));
    assertEquals(lines, Files.readAllLines(file), "the rewritten log equals the original");
    assertEquals(0, MetricsLog.resume(tmp.resolve("none.jsonl"), 5).epochs().size());
  }
}
