package org.aucl.util;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** One configured Jackson mapper for run directories: records in, pretty JSON out, files atomic. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules();
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private Json() {}

  public static void write(Path file, Object value) {
    AtomicFiles.write(file, out -> MAPPER.writeValue(out, value));
  }

  /** Indented JSON, for people. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line of JSON, for JSON-lines logs. */
  public static String line(Object value) {
    try {
      return COMPACT.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UserException("could not read " + file + ": " + e.getMessage(), e);
    }
  }
}
