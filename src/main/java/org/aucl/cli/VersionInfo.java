package org.aucl.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import org.aucl.run.Provenance;
import org.aucl.util.Versions;
import picocli.CommandLine;

/** aucl's version, the tensor engine with its version, the device it will run on, and the Java running it. */
public final class VersionInfo implements CommandLine.IVersionProvider {
  public static String aucl() {
    return Versions.aucl();
  }

  public static String djl() {
    return Versions.djl();
  }

  public static String pytorch() {
    return Versions.pytorch();
  }

  /** The platform of the PyTorch natives this build holds (the POM's natives-* profiles), null if unknown. */
  public static String nativeClassifier() {
    return Versions.nativeClassifier();
  }

  /** The versions and machine running now (no command line), for a report's table. */
  public static Provenance provenance() {
    return Provenance.now(aucl(), djl(), List.of());
  }

  @Override
  public String[] getVersion() {
    Engine engine = Engine.getInstance();
    Device device = engine.defaultDevice();
    return new String[] {
      "aucl " + aucl(),
      "engine: DJL " + djl() + ", " + engine.getEngineName() + " " + engine.getVersion(),
      "device: " + (device.isGpu() ? "GPU (" + device + ")" : "CPU"),
      java()
    };
  }

  /** The Java running aucl: its version, vendor and home (the launcher takes it from JAVA_HOME, else the PATH). */
  static String java() {
    return "java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
        + System.getProperty("java.home");
  }
}
