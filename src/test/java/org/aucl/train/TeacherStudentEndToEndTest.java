package org.aucl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aucl.cli.Cli;
import org.aucl.run.RunSummary;
import org.aucl.testkit.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teacher-student method through the command line, on a tiny synthetic dataset. */
class TeacherStudentEndToEndTest {
  private static final String DATA = "synthetic:n=256,test=128,size=16,channels=1,classes=4,seed=3";
  private static final List<String> PARTS = List.of("model.bin", "student.bin", "optimizer.bin", "center.bin");

  @TempDir Path tmp;

  private static List<String> tiny(Path out, int epochs) {
    return new ArrayList<>(List.of(
        "pretrain", "--method", "teacher-student", "--dataset", DATA, "--preset", "fashion-mnist", "--stem", "small",
        "--width", "0.25", "--local-crops", "2", "--local-size", "8", "--head-out", "64", "--batch-size", "64",
        "--epochs", String.valueOf(epochs), "--lr", "1e-3", "--warmup-epochs", "0", "--knn-k", "20", "--workers", "2",
        "--seed", "7", "--quiet", "--out", out.toString()));
  }

  private static int run(List<String> args) {
    return Cli.execute(args.toArray(new String[0]));
  }

  @Test
  void resumeIsExactAndEvalKnnReadsTheTeacher() throws Exception {
    Path whole = tmp.resolve("whole");
    Path sliced = tmp.resolve("sliced");
    assertEquals(0, run(tiny(whole, 2)));
    List<String> first = tiny(sliced, 2);
    first.addAll(List.of("--stop-after", "1"));
    assertEquals(0, run(first));
    assertEquals(0, run(List.of("pretrain", "--resume", sliced.toString(), "--quiet")));
    for (String part : PARTS) {
      assertArrayEquals(
          Files.readAllBytes(whole.resolve("checkpoints/last").resolve(part)),
          Files.readAllBytes(sliced.resolve("checkpoints/last").resolve(part)),
          part + " differs between the resumed and the uninterrupted run");
    }
    assertTrue(Files.readString(whole.resolve("config.json")).contains("\"localCrops\" : 2"));

    RunSummary summary = org.aucl.util.Json.read(whole.resolve("summary.json"), RunSummary.class);
    CommandRun eval = CommandRun.of("eval", "knn", whole.toString());
    assertEquals(0, eval.exit(), eval.toString());
    Matcher m = Pattern.compile("top-1 ([0-9.]+)%").matcher(eval.out());
    assertTrue(m.find(), eval.out());
    assertEquals(100 * summary.finalKnnTop1(), Double.parseDouble(m.group(1)), 0.006, "eval knn reads the teacher the monitor read");
  }

  @Test
  void optionsOfTheOtherMethodAreRefused() {
    List<String> twoView = tiny(tmp.resolve("a"), 1);
    int i = twoView.indexOf("teacher-student");
    twoView.set(i, "two-view");
    assertEquals(Cli.USER_ERROR, run(twoView), "--local-crops with two-view");
    List<String> withLoss = tiny(tmp.resolve("b"), 1);
    withLoss.addAll(List.of("--loss", "simclr"));
    assertEquals(Cli.USER_ERROR, run(withLoss), "--loss with teacher-student");
    List<String> patch = tiny(tmp.resolve("c"), 1);
    patch.addAll(List.of("--patch-size", "4"));
    assertEquals(Cli.USER_ERROR, run(patch), "--patch-size with a ResNet");
    assertTrue(Files.notExists(tmp.resolve("a")) && Files.notExists(tmp.resolve("b")) && Files.notExists(tmp.resolve("c")));
  }
}
