package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./aucl}: which java it runs and with which options. Each case runs the
 * script with bash and a fake {@code java} that prints the path it was called by, then its arguments
 * one per line; {@code AUCL_BUILD=0} keeps the launcher from looking at {@code target/} or calling
 * Maven, so the test needs no jar (it runs before the {@code package} phase).
 */
class LauncherScriptTest {
  private static final Path LAUNCHER = Path.of("aucl").toAbsolutePath();
  private static final String MAIN = "org.aucl.cli.Main";

  @TempDir Path tmp;
  private Path bash;
  private Path homeJava;
  private Path pathJava;
  private Path tools;

  @BeforeEach
  void fakeJavas() throws IOException {
    bash = Files.isExecutable(Path.of("/bin/bash")) ? Path.of("/bin/bash") : Path.of("/usr/bin/bash");
    assumeTrue(Files.isExecutable(bash) && Files.isRegularFile(LAUNCHER), "needs bash and the launcher");
    homeJava = fakeJava(tmp.resolve("jdk-home"));
    pathJava = fakeJava(tmp.resolve("jdk-on-path"));
    // the one outside tool the launcher needs when it does not build: dirname
    tools = Files.createDirectories(tmp.resolve("tools"));
    for (String dir : new String[] {"/usr/bin", "/bin"}) {
      Path dirname = Path.of(dir, "dirname");
      Path wrapper = tools.resolve("dirname");
      if (Files.isExecutable(dirname) && !Files.exists(wrapper)) {
        Files.writeString(wrapper, "#!/bin/sh\nexec " + dirname + " \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  private static Path fakeJava(Path home) throws IOException {
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"fake java: $0\"\nfor a in \"$@\"; do echo \"$a\"; done\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }

  private record Run(int exit, List<String> lines, String err) {
    /** The JVM options: the arguments before {@code -cp}. */
    List<String> jvmOptions() {
      return lines.subList(1, lines.indexOf("-cp"));
    }

    /** The arguments given to aucl's main class. */
    List<String> programArgs() {
      return lines.subList(lines.indexOf(MAIN) + 1, lines.size());
    }
  }

  /** Runs {@code bash aucl ARGS} with only PATH (fake java first), HOME, AUCL_BUILD=0 and {@code env}. */
  private Run launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(bash.toString(), LAUNCHER.toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    Map<String, String> e = pb.environment();
    e.clear();
    e.put("PATH", pathJava.getParent() + ":" + tools);
    e.put("HOME", tmp.toString());
    e.put("AUCL_BUILD", "0");
    e.putAll(env);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not return");
    return new Run(p.exitValue(), Files.readAllLines(out), Files.readString(err));
  }

  private static Map<String, String> env(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @Test
  void javaHomesJavaIsUsedWhenJavaHomeIsSet() throws Exception {
    Run r = launch(env("JAVA_HOME", homeJava.getParent().getParent().toString()), "--version");
    assertEquals(0, r.exit(), r.err());
    assertEquals("fake java: " + homeJava, r.lines().get(0));
    assertEquals(List.of("--version"), r.programArgs());
  }

  @Test
  void thePathsJavaIsUsedWithoutJavaHome() throws Exception {
    Run r = launch(env(), "--version");
    assertEquals(0, r.exit(), r.err());
    assertEquals("fake java: " + pathJava, r.lines().get(0));
  }

  @Test
  void defaultsAreTheHeapOfflineDjlAndHeadlessAwtWithTheJarsClassPath() throws Exception {
    Run r = launch(env(), "eval", "knn", "runs/x");
    assertEquals(0, r.exit(), r.err());
    List<String> opts = r.jvmOptions();
    assertTrue(opts.contains("-Xmx8g"), opts.toString());
    assertTrue(opts.contains("-Dai.djl.offline=true"), opts.toString());
    assertTrue(opts.contains("-Djava.awt.headless=true"), opts.toString());
    assertFalse(opts.contains("-XX:+AlwaysPreTouch"), "only pretrain touches its heap at start");
    Path root = LAUNCHER.getParent();
    assertEquals(root + "/target/aucl.jar:" + root + "/target/lib/*", r.lines().get(r.lines().indexOf("-cp") + 1));
    assertEquals(List.of("eval", "knn", "runs/x"), r.programArgs());
  }

  @Test
  void usersOptionsComeAfterTheDefaultsSoTheirHeapWins() throws Exception {
    Run r = launch(env("AUCL_JAVA_OPTS", " -Xmx2g  -Dai.djl.pytorch.num_threads=1\n-Dx=a*b "), "pretrain");
    assertEquals(0, r.exit(), r.err());
    List<String> opts = r.jvmOptions();
    assertTrue(opts.indexOf("-Xmx8g") >= 0 && opts.indexOf("-Xmx8g") < opts.indexOf("-Xmx2g"), opts.toString());
    assertTrue(opts.contains("-Dai.djl.pytorch.num_threads=1"), "the defaults are kept: " + opts);
    assertTrue(opts.contains("-Dx=a*b"), "split on blanks and newlines, not expanded: " + opts);
    assertTrue(opts.indexOf("-XX:+AlwaysPreTouch") >= 0, "pretrain touches its heap at start: " + opts);
    assertTrue(opts.indexOf("-Xmx2g") > opts.indexOf("-XX:+AlwaysPreTouch"), opts.toString());
    assertEquals(List.of("pretrain"), r.programArgs());
  }

  @Test
  void theOfflineSwitchTurnsOffByVariableOrByProperty() throws Exception {
    Run off = launch(env("AUCL_OFFLINE", "0"), "--version");
    assertEquals(0, off.exit(), off.err());
    assertTrue(off.jvmOptions().stream().noneMatch(o -> o.startsWith("-Dai.djl.offline")), off.jvmOptions().toString());

    Run property = launch(env("AUCL_JAVA_OPTS", "-Dai.djl.offline=false"), "--version");
    List<String> opts = property.jvmOptions();
    assertTrue(opts.indexOf("-Dai.djl.offline=false") > opts.indexOf("-Dai.djl.offline=true"), opts.toString());
  }

  @Test
  void aJavaHomeWithoutJavaOrAnUnknownSwitchIsOneSentenceAndExitCode2() throws Exception {
    Run noJava = launch(env("JAVA_HOME", tmp.resolve("nothing-here").toString()), "--version");
    assertEquals(2, noJava.exit());
    assertTrue(noJava.err().startsWith("aucl: JAVA_HOME is '"), noJava.err());
    assertTrue(noJava.lines().isEmpty(), "no java ran: " + noJava.lines());

    Run badSwitch = launch(env("AUCL_OFFLINE", "maybe"), "--version");
    assertEquals(2, badSwitch.exit());
    assertTrue(badSwitch.err().contains("AUCL_OFFLINE must be 1 or 0"), badSwitch.err());
  }

  @Test
  void withoutAnyJavaTheLauncherSaysSo() throws Exception {
    Run r = launch(env("PATH", tools.toString()), "--version");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("aucl: no Java found"), r.err());
  }

  @Test
  void versionNamesTheJavaRunningAucl() {
    String line = VersionInfo.java();
    assertTrue(line.startsWith("java: " + System.getProperty("java.version")), line);
    assertTrue(line.endsWith(System.getProperty("java.home")), line);
  }
}
