package org.aucl.cli;

import ai.djl.engine.EngineException;
import java.util.List;
import java.util.Locale;
import org.aucl.util.UserException;

/**
 * The platform PyTorch's natives are for, and the one sentence a user reads when the engine cannot
 * start because this machine's platform has none in the build.
 *
 * <p>The engine starts lazily, wherever a command first touches it; {@link Cli} asks {@link
 * #explain} about every exception a command ends with. An engine failure on a platform the build's
 * natives are for is left alone: that is a broken installation or a bug, not the platform.
 */
final class NativePlatform {
  /**
   * The platforms DJL publishes PyTorch 2.7.1's CPU natives for on Maven Central, in DJL's names
   * (the POM's natives-* profiles choose among them).
   */
  static final List<String> PUBLISHED = List.of("linux-x86_64", "linux-aarch64", "osx-aarch64", "win-x86_64");

  private NativePlatform() {}

  /** This machine's platform in DJL's names: {@code linux}, {@code osx} or {@code win}, a dash, the architecture. */
  static String current() {
    return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /** DJL's name of a platform from Java's {@code os.name} and {@code os.arch}. */
  static String of(String osName, String osArch) {
    String os;
    if (osName.startsWith("Win")) {
      os = "win";
    } else if (osName.startsWith("Mac")) {
      os = "osx";
    } else if (osName.startsWith("Linux")) {
      os = "linux";
    } else {
      os = osName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
    String arch = osArch.toLowerCase(Locale.ROOT);
    if (arch.equals("amd64") || arch.equals("x64")) {
      arch = "x86_64";
    } else if (arch.equals("arm64")) {
      arch = "aarch64";
    }
    return os + "-" + arch;
  }

  /** The user's error for {@code failure} on this machine, or null (see {@link #explain(Throwable, String, String, String)}). */
  static UserException explain(Throwable failure) {
    return explain(failure, current(), VersionInfo.nativeClassifier(), VersionInfo.pytorch());
  }

  /**
   * One sentence naming the platform when {@code failure} is the engine's (a DJL {@link
   * EngineException} in its causes) and the build's natives are not for {@code platform}; null
   * otherwise, and when the build's platform is unknown.
   *
   * @param platform this machine's platform, DJL's name
   * @param built the platform of the natives in the build, null if unknown
   */
  static UserException explain(Throwable failure, String platform, String built, String pytorchVersion) {
    if (built == null || built.equals(platform) || !fromTheEngine(failure)) {
      return null;
    }
    String message;
    if (!PUBLISHED.contains(platform)) {
      message = "PyTorch cannot start on this platform (" + platform + "): DJL publishes PyTorch " + pytorchVersion
          + "'s CPU natives only for " + String.join(", ", PUBLISHED.subList(0, PUBLISHED.size() - 1))
          + " and " + PUBLISHED.get(PUBLISHED.size() - 1) + ", so aucl cannot run here.";
    } else {
      message = "PyTorch cannot start on this platform (" + platform + "): this build holds the natives for "
          + built + "; build aucl on this machine (./mvnw -B -DskipTests package chooses " + platform
          + "'s natives) or with -Dpytorch.native.classifier=" + platform + ".";
    }
    return new UserException(message, failure);
  }

  private static boolean fromTheEngine(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EngineException) {
        return true;
      }
    }
    return false;
  }
}
