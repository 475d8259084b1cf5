package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;

/** An engine that cannot start on a platform without natives is one sentence naming the platform. */
class NativePlatformTest {

  @Test
  void platformsAreNamedAsDjlNamesThem() {
    assertEquals("linux-x86_64", NativePlatform.of("Linux", "amd64"));
    assertEquals("linux-aarch64", NativePlatform.of("Linux", "aarch64"));
    assertEquals("osx-aarch64", NativePlatform.of("Mac OS X", "aarch64"));
    assertEquals("osx-x86_64", NativePlatform.of("Mac OS X", "x86_64"));
    assertEquals("win-x86_64", NativePlatform.of("Windows 11", "amd64"));
    assertEquals("win-aarch64", NativePlatform.of("Windows 11", "aarch64"));
    assertEquals("freebsd-x86_64", NativePlatform.of("FreeBSD", "amd64"));
  }

  @Test
  void anEngineFailureOnAPlatformWithoutNativesNamesIt() {
    Exception failure = new RuntimeException(new EngineException("Failed to load PyTorch native library"));
    UserException e = NativePlatform.explain(failure, "osx-x86_64", "linux-x86_64", "2.7.1");
    assertNotNull(e);
    assertTrue(e.getMessage().startsWith("PyTorch cannot start on this platform (osx-x86_64): "), e.getMessage());
    assertTrue(e.getMessage().contains("linux-x86_64, linux-aarch64, osx-aarch64 and win-x86_64"), e.getMessage());
    assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());

    UserException otherBuild = NativePlatform.explain(failure, "osx-aarch64", "linux-x86_64", "2.7.1");
    assertNotNull(otherBuild);
    assertTrue(otherBuild.getMessage().contains("holds the natives for linux-x86_64"), otherBuild.getMessage());
    assertTrue(otherBuild.getMessage().contains("-Dpytorch.native.classifier=osx-aarch64"), otherBuild.getMessage());
  }

  @Test
  void otherFailuresAndFailuresWhereTheNativesFitAreLeftAlone() {
    EngineException engine = new EngineException("Failed to load PyTorch native library");
    assertNull(NativePlatform.explain(engine, "linux-x86_64", "linux-x86_64", "2.7.1"), "a broken install or a bug");
    assertNull(NativePlatform.explain(new IllegalStateException("x"), "osx-x86_64", "linux-x86_64", "2.7.1"));
    assertNull(NativePlatform.explain(engine, "osx-x86_64", null, "2.7.1"), "the build's platform unknown");
  }

  @Test
  void theBuildKnowsItsNativesPlatform() {
    assertTrue(NativePlatform.PUBLISHED.contains(VersionInfo.nativeClassifier()), String.valueOf(VersionInfo.nativeClassifier()));
  }

  /** A JVM told it runs on an Intel Mac, for which no natives are published: exit code 2 and the sentence. */
  @Test
  void auclOnAnUnsupportedPlatformEndsWithOneSentenceAndExitCode2() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Dos.name=Mac OS X", "-Dos.arch=x86_64",
        "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--version"));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue(), out);
    assertEquals("aucl: PyTorch cannot start on this platform (osx-x86_64): DJL publishes PyTorch " + VersionInfo.pytorch() + "'s CPU natives"
        + " only for linux-x86_64, linux-aarch64, osx-aarch64 and win-x86_64, so aucl cannot run here.", out.strip());
  }
}
