package org.aucl.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The processor this JVM runs on, as Linux describes it (name and family), for benchmark and check headers. */
public final class Processor {
  private Processor() {}

  /** "AMD EPYC (family 26, model 2)" on Linux; the JVM's architecture name elsewhere. */
  public static String describe() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      String name = field(lines, "model name");
      String family = field(lines, "cpu family");
      String model = field(lines, "model");
      if (name != null) {
        return family == null ? name : String.format(Locale.ROOT, "%s (family %s, model %s)", name, family, model);
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable: fall through to the architecture's name
    }
    return System.getProperty("os.arch");
  }

  private static String field(List<String> lines, String key) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }
}
