package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Cli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void plainExecuteReturnsUserErrorForUnknownName() {
    assertEquals(Cli.USER_ERROR, Cli.execute("data", "info", "no-such-dataset", "--data-dir", tmp.toString()));
  }

  @Test
  void corruptFileExitsTwoWithOneLineAndNoStackTrace() throws Exception {
    Path bad = tmp.resolve("x-images-idx3-ubyte");
    Files.write(bad, new byte[] {0, 0, 8, 3, 0, 0, 0, 9, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3});
    assertEquals(Cli.USER_ERROR, run("data", "info", bad.toString()));
    String e = err.toString();
    assertTrue(e.startsWith("aucl: ") && e.contains(bad.toString()) && e.contains("truncated"), e);
    assertFalse(e.contains("\tat "), "no stack trace without --verbose: " + e);
    assertEquals(1, e.strip().lines().count(), e);
  }

  @Test
  void verboseShowsTheStackTrace() {
    assertEquals(Cli.USER_ERROR, run("data", "info", "no-such-dataset", "--verbose"));
    assertTrue(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void missingNamedDatasetExitsTwo() {
    assertEquals(Cli.USER_ERROR, run("data", "info", "cifar10", "--data-dir", tmp.toString()));
    assertTrue(err.toString().contains("data fetch cifar10"), err.toString());
  }

  @Test
  void fetchWithChecksumMismatchExitsTwo() throws Exception {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
      Files.writeString(mirror.resolve(f), "not the real file");
    }
    Path data = tmp.resolve("data");
    int rc = run("data", "fetch", "mnist", "--data-dir", data.toString(), "--base-url", mirror.toUri().toString());
    assertEquals(Cli.USER_ERROR, rc);
    assertTrue(err.toString().contains("Checksum mismatch"), err.toString());
    assertFalse(Files.exists(data.resolve("mnist").resolve("train-images-idx3-ubyte.gz")));
  }

  @Test
  void infoPrintsSplitsShapeAndClassCounts() {
    assertEquals(0, run("data", "info", "synthetic:n=20,classes=4,size=16", "--split", "train"));
    String o = out.toString();
    assertTrue(o.contains("synthetic shapes") && o.contains("20 images, 3x16x16") && o.contains("disc"), o);
    assertTrue(o.lines().anyMatch(l -> l.matches("\\s+0\\s+disc\\s+5")), o);
  }
}
