package org.aucl.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.aucl.util.UserException;

/** Reading dataset files whole or as streams, gzip detected by content, with errors that name the file. */
final class DataFiles {
  private DataFiles() {}

  /** The whole (decompressed, if gzipped) content of {@code file}. */
  static byte[] readAll(Path file) {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    } catch (OutOfMemoryError e) {
      throw new UserException("Cannot hold " + file + " in memory; raise the Java heap with AUCL_JAVA_OPTS=-Xmx...", e);
    } catch (EOFException | ZipException e) {
      throw new UserException(file + " is truncated or not valid gzip (" + e.getMessage() + ").", e);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** A buffered stream over {@code file}, decompressing it when it starts with the gzip magic. */
  static InputStream open(Path file) {
    requireReadableFile(file);
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      return in;
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** Fills {@code buf} from {@code in}, or fails saying that {@code file} is truncated. */
  static void readFully(InputStream in, byte[] buf, Path file) {
    try {
      int n = in.readNBytes(buf, 0, buf.length);
      if (n < buf.length) {
        throw new UserException(file + " is truncated: it ended " + (buf.length - n) + " bytes before the expected end.");
      }
    } catch (EOFException | ZipException e) {
      throw new UserException(file + " is truncated or not valid gzip (" + e.getMessage() + ").", e);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** Non-blank trimmed lines of a text file (class-name lists). */
  static List<String> readNames(Path file) {
    try {
      List<String> names = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          names.add(line.trim());
        }
      }
      return names;
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** Size of {@code file} on disk. */
  static long size(Path file) {
    requireReadableFile(file);
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  static void requireReadableFile(Path file) {
    if (!Files.exists(file)) {
      throw new UserException("Dataset file " + file + " does not exist.");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserException("Dataset file " + file + " is not a regular file.");
    }
    if (!Files.isReadable(file)) {
      throw new UserException("Dataset file " + file + " is not readable (check its permissions).");
    }
  }

  static UserException cannotRead(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new UserException("Dataset file " + file + " does not exist.", e);
    }
    return new UserException("Cannot read " + file + ": " + e.getMessage() + ".", e);
  }

  /** The first 4 bytes of {@code file} (after gunzip) as a big-endian int, or -1 if shorter. */
  static int magic(Path file) {
    try (InputStream in = open(file)) {
      byte[] b = in.readNBytes(4);
      if (b.length < 4) {
        return -1;
      }
      return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    } catch (IOException e) {
      return -1;
    }
  }
}
