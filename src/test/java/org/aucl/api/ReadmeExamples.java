package org.aucl.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's Java examples are kept in test sources, between two marker comments, and quoted verbatim. */
final class ReadmeExamples {
  private static final String START = "  // README example: start\n";
  private static final String END = "  // README example: end";

  private ReadmeExamples() {}

  /** Fails unless README.md quotes the example of {@code file} (in this package's test sources) word for word. */
  static void assertQuoted(String file) throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/aucl/api").resolve(file));
    String example = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
    String unindented = example.replaceAll("(?m)^  ", "");
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(unindented.startsWith("/**") && readme.contains(unindented), "README.md must quote " + file + "'s example verbatim");
  }
}
