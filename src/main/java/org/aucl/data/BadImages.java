package org.aucl.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What indexing an image folder does with a file that cannot be read ({@code --on-bad-image}). */
public enum BadImages {
  /** Refuse the folder, naming the file. */
  STOP,
  /** Leave the file out and list it. */
  SKIP;

  @JsonCreator
  public static BadImages parse(String s) {
    return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
      case "stop" -> STOP;
      case "skip" -> SKIP;
      default -> throw new IllegalArgumentException("--on-bad-image must be stop or skip, got '" + s + "'.");
    };
  }

  @JsonValue
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
