package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
}
