package org.aucl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aucl.cli.Cli;
import org.aucl.run.EpochMetrics;
import org.aucl.run.MetricsLog;
import org.aucl.run.RunSummary;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.Reproducible;
import org.aucl.testkit.TinyRun;
import org.aucl.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Few-step pretraining runs on a tiny synthetic dataset, through the command line. */
class PretrainEndToEndTest {
  @TempDir Path tmp;

  private static int run(List<String> args) {
    return Cli.execute(args.toArray(new String[0]));
  }

  private static List<EpochMetrics> metrics(Path run) {
    return MetricsLog.resume(run.resolve("metrics.jsonl"), Integer.MAX_VALUE).epochs();
  }

  @Test
  void runDirectoryIsCompleteLossFallsAndKnnBeatsChance() throws Exception {
    Path out = tmp.resolve("simclr");
    assertEquals(0, run(TinyRun.pretrain(out, "simclr", 4)));

    for (String f :
        List.of(
            "config.json", "metrics.jsonl", "summary.json", "loss.png", "knn.png", "checkpoints/last/model.bin",
            "checkpoints/last/optimizer.bin", "checkpoints/last/objective.bin", "checkpoints/last/state.json",
            "checkpoints/best/model.bin", "checkpoints/best/state.json")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f + " is missing");
    }
    byte[] png = Files.readAllBytes(out.resolve("knn.png"));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);

    JsonNode config = Json.MAPPER.readTree(out.resolve("config.json").toFile());
    assertEquals(7, config.path("config").path("seed").asLong());
    assertEquals("simclr", config.at("/config/method/objective/loss").asText());
    assertEquals("two-view", config.at("/config/method/name").asText());
    assertTrue(config.path("provenance").path("engineVersion").asText().startsWith("2."), "PyTorch version recorded");
    assertTrue(config.path("provenance").path("java").asText().length() > 0);

    List<EpochMetrics> epochs = metrics(out);
    assertEquals(4, epochs.size());
    assertTrue(
        epochs.get(3).loss() < epochs.get(0).loss(),
        "NT-Xent loss should fall: " + epochs.get(0).loss() + " -> " + epochs.get(3).loss());
    RunSummary summary = Json.read(out.resolve("summary.json"), RunSummary.class);
    assertNotNull(summary.bestKnnTop1());
    assertTrue(summary.bestKnnTop1() > 0.40, "kNN top-1 should clearly beat chance (0.25): " + summary.bestKnnTop1());
    assertEquals(4, summary.epochs());

    // pretrain ends with the report: kNN and linear probe of checkpoints/last, recorded
    String report = Files.readString(out.resolve("report.md"));
    assertTrue(report.contains("| kNN (") && report.contains("| linear probe ("), report);
    List<Path> records;
    try (var files = Files.list(out.resolve("evals"))) {
      records = files.sorted().toList();
    }
    assertEquals(2, records.size());
    // the kNN record is the monitor's last figure, taken over rather than computed again
    JsonNode knn = Json.MAPPER.readTree(records.get(0).toFile());
    assertEquals("knn", knn.path("evaluation").asText());
    assertTrue(knn.path("features").asText().contains("monitor"), knn.toString());
    assertEquals(summary.finalKnnTop1(), knn.path("metrics").path("top1").asDouble(), 0.0);

    // eval knn on the saved checkpoint reproduces the monitor's last figure (weights restored exactly); the
    // features are deleted first, since the final evaluations cached the monitor's own
    org.aucl.util.FileTrees.delete(out.resolve("features"));
    CommandRun eval = CommandRun.of("eval", "knn", out.toString());
    assertEquals(0, eval.exit(), eval.toString());
    String printed = eval.out();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("top-1 ([0-9.]+)%").matcher(printed);
    assertTrue(m.find(), printed);
    assertEquals(100 * summary.finalKnnTop1(), Double.parseDouble(m.group(1)), 0.006);
  }

  @Test
  void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws Exception {
    Path[] runs = new Path[2];
    Reproducible.attempt(tmp, dir -> {
      Path whole = dir.resolve("whole");
      Path sliced = dir.resolve("sliced");
      assertEquals(0, run(TinyRun.pretrain(whole, "auc-cl", 2)));
      List<String> first = TinyRun.pretrain(sliced, "auc-cl", 2);
      first.addAll(List.of("--stop-after", "1"));
      assertEquals(0, run(first));
      assertEquals(1, metrics(sliced).size());
      assertEquals(0, run(List.of("pretrain", "--resume", sliced.toString(), "--quiet")));
      for (String part : List.of("model.bin", "optimizer.bin", "objective.bin")) {
        Reproducible.assertSameFile(whole.resolve("checkpoints/last").resolve(part), sliced.resolve("checkpoints/last").resolve(part));
      }
      assertEquals(metrics(whole).get(1).loss(), metrics(sliced).get(1).loss(), 0.0);
      runs[0] = whole;
      runs[1] = sliced;
    });
    Path sliced = runs[1];

    // killed after the last checkpoint, before the summary: resuming writes the summary alone
    String summary = Files.readString(sliced.resolve("summary.json"));
    Files.delete(sliced.resolve("summary.json"));
    assertEquals(0, run(List.of("pretrain", "--resume", sliced.toString(), "--quiet")));
    assertEquals(summary, Files.readString(sliced.resolve("summary.json")));
    assertEquals(2, metrics(sliced).size(), "nothing was trained again");
    assertEquals(Cli.USER_ERROR, run(List.of("pretrain", "--resume", sliced.toString(), "--quiet")), "a finished run");
  }

  @Test
  void userMistakesExitWithCodeTwoAndKeepWhatExists() throws Exception {
    Path out = tmp.resolve("existing");
    Files.createDirectories(out);
    Files.writeString(out.resolve("config.json"), "{}");
    assertEquals(Cli.USER_ERROR, run(TinyRun.pretrain(out, "auc-cl", 1)));
    assertEquals("{}", Files.readString(out.resolve("config.json")), "an existing run must not be overwritten");

    assertEquals(Cli.USER_ERROR, run(List.of("pretrain", "--resume", tmp.resolve("nothing").toString())));
    assertEquals(Cli.USER_ERROR, run(TinyRun.pretrain(tmp.resolve("bad-batch"), "--batch-size", "1000", "--loss", "auc-cl")));
  }
}
