package org.aucl.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions this build was made with (aucl, DJL, PyTorch, the natives' platform), from {@code /aucl.properties}. */
public final class Versions {
  private static final Properties PROPS = load();

  private Versions() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/aucl.properties")) {
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
}
