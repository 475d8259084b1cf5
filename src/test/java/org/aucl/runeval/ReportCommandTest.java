package org.aucl.runeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aucl.augment.ImageShape;
import org.aucl.augment.Normalize;
import org.aucl.augment.ViewPipeline;
import org.aucl.data.ImageDataset;
import org.aucl.data.SyntheticDataset;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.model.Devices;
import org.aucl.run.RunCheckpoint;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.TinyRun;
import org.aucl.testkit.Trees;
import org.aucl.util.FileTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aucl report} on a one-epoch run over tiny synthetic data with five classes (5-way episodes). */
class ReportCommandTest {
  static final String DATA = "synthetic:n=250,test=200,size=16,channels=1,classes=5,seed=3";
  static final List<String> ROWS = List.of("| kNN (", "| linear probe (", "| few-shot 5-way 1-shot (", "| few-shot 5-way 5-shot (");

  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void pretrain() {
    run = tmp.resolve("run");
    CommandRun r = CommandRun.of(TinyRun.pretrain(run, "--dataset", DATA, "--lr", TinyRun.OMIT, "--knn-k", "10",
        "--workers", "1", "--final-evals", "none"));
    assertEquals(0, r.exit(), r.toString());
  }

  static long count(String text, String part) {
    return text.lines().filter(l -> l.contains(part)).count();
  }

  static long files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void writesEveryEvaluationAndASecondReportReusesTheRecords() throws Exception {
    Path copy = tmp.resolve("report-run");
    Trees.copy(run, copy);
    assertTrue(Files.readString(copy.resolve("report.md")).contains("No evaluation is recorded"),
        "--final-evals none: pretrain's report has no evaluation");

    CommandRun report = CommandRun.of("report", copy.toString(), "--checkpoint", "last");
    assertEquals(0, report.exit(), report.toString());
    String first = report.out();
    assertEquals(0, count(first, "reused"), first);
    assertEquals(1, count(first, "2 split(s) extracted"), "one extraction shared by the four evaluations: " + first);
    String md = Files.readString(copy.resolve("report.md"));
    for (String row : ROWS) {
      assertEquals(1, count(md, row), row + " in\n" + md);
    }
    assertTrue(md.contains("`./aucl eval linear " + copy + " --checkpoint last --seed 0`"), md);
    assertTrue(md.contains("`./aucl eval fewshot " + copy + " --checkpoint last --ways 5 --shots 1 "), md);
    assertTrue(md.contains("| net.width "), "configuration table: " + md);
    assertTrue(md.contains("![loss.png](loss.png)"), md);
    assertTrue(md.lines().anyMatch(l -> l.startsWith("| engine") && l.contains("PyTorch 2.")), md);
    assertEquals(4, files(copy.resolve("evals")));

    // the second report reads the records: with the features deleted, running anything would extract again
    FileTrees.delete(copy.resolve("features"));
    CommandRun reread = CommandRun.of("report", copy.toString());
    assertEquals(0, reread.exit(), reread.toString());
    String second = reread.out();
    assertEquals(4, count(second, "reused"), second);
    assertFalse(Files.exists(copy.resolve("features")), "nothing was extracted");
    assertEquals(md.lines().filter(l -> l.startsWith("| ")).toList().subList(0, 6),
        Files.readString(copy.resolve("report.md")).lines().filter(l -> l.startsWith("| ")).toList().subList(0, 6),
        "the same evaluation table");

    // an eval command records its result too, and the report lists it beside the standard ones
    CommandRun knn = CommandRun.of("eval", "knn", copy.toString(), "--knn-k", "3");
    assertEquals(0, knn.exit(), knn.toString());
    CommandRun listed = CommandRun.of("report", copy.toString(), "--evals", "none");
    assertEquals(0, listed.exit(), listed.toString());
    String third = Files.readString(copy.resolve("report.md"));
    assertEquals(2, count(third, "| kNN ("), third);
    assertTrue(third.contains("--knn-k 3 "), third);
  }

  @Test
  void aChangedCheckpointHasItsEvaluationsRunAgain() throws Exception {
    Path copy = tmp.resolve("changed-run");
    Trees.copy(run, copy);
    CommandRun report = CommandRun.of("report", copy.toString(), "--skip", "fewshot");
    assertEquals(0, report.exit(), report.toString());
    assertEquals(2, files(copy.resolve("evals")));

    Path model = copy.resolve("checkpoints/last/model.bin");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length - 1] ^= 1;
    Files.write(model, bytes);
    CommandRun reported = CommandRun.of("report", copy.toString(), "--skip", "fewshot");
    assertEquals(0, reported.exit(), reported.toString());
    String again = reported.out();
    assertEquals(0, count(again, "reused"), again);
    assertEquals(1, count(again, "2 split(s) extracted"), again);
    assertEquals(4, files(copy.resolve("evals")), "the old checkpoint's records stay, unused");
    String md = Files.readString(copy.resolve("report.md"));
    assertEquals(1, count(md, "| kNN ("), "only the current checkpoint's records: " + md);
    assertEquals(0, count(md, "| few-shot"), md);
  }

  @Test
  void offeredFeaturesAreCachedOnlyWhenTheyComeFromTheSameImagesAndTransform() throws Exception {
    Path copy = tmp.resolve("offer-run");
    Trees.copy(run, copy);
    FileTrees.delete(copy.resolve("features"));
    RunCheckpoint ckpt = RunCheckpoint.open(copy, "last");
    try (RunFeatures rf = new RunFeatures(ckpt, RunFeatures.splitsFor(ckpt, null, null), Devices.resolve("cpu"))) {
      ImageDataset test = rf.splits().test();
      ViewPipeline transform = ckpt.evalTransform(new ImageShape(test.channels(), test.height(), test.width()));
      Features offered = new Features(new float[test.size() * 4], test.size(), 4, new int[test.size()]);
      ImageDataset other = new SyntheticDataset("other", test.size(), 16, 1, 5, 99);
      assertFalse(rf.offer("test", other, transform, offered), "other images");
      ViewPipeline otherTransform = new ViewPipeline(List.of(Normalize.forChannels(new float[] {0.1f},
          new float[] {0.2f}, 1)));
      assertFalse(rf.offer("test", test, otherTransform, offered), "another transform");
      assertTrue(rf.offer("test", test, transform, offered));
      Features other4 = new Features(new float[test.size() * 4], test.size(), 4, new int[test.size()]);
      other4.data()[0] = 1;
      assertTrue(rf.offer("test", test, transform, other4), "they match, but the cached ones are kept");
      assertEquals(4, rf.test(FeatureHead.ENCODER).dim(), "the offered features are read back");
      assertEquals(0f, rf.test(FeatureHead.ENCODER).data()[0], "the first offer's");
      assertEquals(0, rf.extracted());
    }
  }

  @Test
  void unknownEvaluationNamesAreUserMistakes() {
    for (List<String> args : List.of(
        List.of("report", run.toString(), "--skip", "fewshots"),
        List.of("report", run.toString(), "--evals", "knn,probe"),
        List.of("pretrain", "--final-evals", "linear,knnn", "--out", tmp.resolve("never").toString()))) {
      CommandRun r = CommandRun.of(args);
      assertEquals(2, r.exit(), "exit code of " + args + "\n" + r);
    }
    assertFalse(Files.exists(tmp.resolve("never")));
  }
}
