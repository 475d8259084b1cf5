package org.aucl.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.aucl.train.Provenance;
import picocli.CommandLine;

/** aucl's version, the tensor engine with its version, the device it will run on, and the Java running it. */
public final class VersionInfo implements CommandLine.IVersionProvider {
  private static final Properties PROPS = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream("/aucl.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through with empty properties: versions print as "unknown"
    }
    return p;
  }

  public static String aucl() {
    return PROPS.getProperty("version", "unknown");
  }

  public static String djl() {
    return PROPS.getProperty("djl.version", "unknown");
  }

  public static String pytorch() {
    return PROPS.getProperty("pytorch.version", "unknown");
  }

  /** The platform of the PyTorch natives this build holds (the POM's natives-* profiles), null if unknown. */
  public static String nativeClassifier() {
    String c = PROPS.getProperty("pytorch.native.classifier");
    return c == null || c.isBlank() || c.startsWith("$") ? null : c;
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
