package org.aucl.embedding;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The npm package hyparquet, an independent Parquet reader, run by Node.js: {@code src/test/node}
 * (package.json and package-lock.json pinning hyparquet alone, and the script read-parquet.mjs) is
 * installed with {@code npm ci} into {@code target/hyparquet} the first time a build needs it, from
 * the npm cache or the registry. Without Node.js and npm the tests that use it fail, saying what to
 * install: they never pass unread.
 */
final class Hyparquet {
  static final String INSTALL = "install Node.js 18 or newer with npm (Debian: apt-get install nodejs npm); "
      + "the test installs hyparquet into target/hyparquet with npm ci, from the npm registry the first time";
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  private static Path installed;

  private Hyparquet() {}

  /** The file as read-parquet.mjs prints it. */
  static JsonNode read(Path parquet) {
    Path dir = install();
    Result r = run(dir, 120, "node", "read-parquet.mjs", parquet.toAbsolutePath().toString());
    if (r.code != 0) {
      fail("hyparquet could not read " + parquet + " (node exit code " + r.code + "): " + r.err);
    }
    try {
      return new ObjectMapper().readTree(r.out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path install() {
    if (installed != null) {
      return installed;
    }
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path src = base.resolve("src/test/node");
    Path dir = base.resolve("target/hyparquet");
    Result version = run(base, 30, "node", "--version");
    int major = version.code == 0 ? majorVersion(version.out) : -1;
    if (major < 18) {
      String why = version.code == 0 ? "node is " + version.out.strip() + ", older than 18" : version.err;
      fail("The Parquet tests read aucl's files back with the npm package hyparquet under Node.js, but " + why + ": "
          + INSTALL + ".");
    }
    try {
      Files.createDirectories(dir);
      boolean current = Files.isRegularFile(dir.resolve("node_modules/hyparquet/package.json"))
          && same(src.resolve("package.json"), dir.resolve("package.json"))
          && same(src.resolve("package-lock.json"), dir.resolve("package-lock.json"));
      for (String name : List.of("package.json", "package-lock.json", "read-parquet.mjs")) {
        Files.copy(src.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
      if (!current) {
        Result ci = run(dir, 300, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline");
        if (ci.code != 0) {
          fail("npm ci could not install hyparquet into " + dir + " (exit code " + ci.code + "): " + INSTALL
              + ".\n" + ci.out + ci.err);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare " + dir + ": " + e.getMessage(), e);
    }
    installed = dir;
    return dir;
  }

  private static int majorVersion(String v) {
    String s = v.strip();
    if (s.startsWith("v")) {
      s = s.substring(1);
    }
    try {
      return Integer.parseInt(s.split("\\.")[0]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean same(Path a, Path b) throws IOException {
    return Files.isRegularFile(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  private record Result(int code, String out, String err) {}

  /** Runs a command in {@code dir}; code -1 with the reason in err when it cannot start or times out. */
  private static Result run(Path dir, int timeoutSeconds, String... command) {
    List<String> cmd = new ArrayList<>(List.of(command));
    if (WINDOWS && cmd.get(0).equals("npm")) {
      cmd.set(0, "npm.cmd");
    }
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("hyparquet", ".out");
      err = Files.createTempFile("hyparquet", ".err");
      Process p;
      try {
        p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
            .start();
      } catch (IOException e) {
        return new Result(-1, "", String.join(" ", cmd) + " could not start (" + e.getMessage() + ")");
      }
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", String.join(" ", cmd) + " took over " + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      for (Path f : new Path[] {out, err}) {
        if (f != null) {
          try {
            Files.deleteIfExists(f);
          } catch (IOException ignored) {
            // a temporary file
          }
        }
      }
    }
  }
}
