package org.aucl.train;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aucl.util.AtomicFiles;
import org.aucl.util.FileTrees;
import org.aucl.util.Json;
import org.aucl.util.UserException;

/**
 * Checkpoint folders ({@code checkpoints/last}, {@code checkpoints/best}): one binary file per part
 * (model, optimiser, objective) and {@code state.json}. A checkpoint is written into a temporary
 * folder that replaces the old one only when complete.
 */
public final class Checkpoints {
  /** Writes one part of a checkpoint. */
  @FunctionalInterface
  public interface PartWriter {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads one part of a checkpoint. */
  @FunctionalInterface
  public interface PartReader {
    void read(DataInputStream in) throws IOException;
  }

  /** state.json: where training stands. */
  public record State(int epoch, long step, Double bestKnnTop1, Integer bestEpoch, double elapsedSeconds) {}

  private Checkpoints() {}

  public static void save(Path dir, State state, Map<String, PartWriter> parts) {
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
    Path old = dir.resolveSibling(dir.getFileName() + ".old");
    try {
      FileTrees.delete(tmp);
      Files.createDirectories(tmp);
      for (Map.Entry<String, PartWriter> p : new LinkedHashMap<>(parts).entrySet()) {
        try (DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve(p.getKey() + ".bin"))))) {
          p.getValue().write(out);
        }
      }
      Json.write(tmp.resolve("state.json"), state);
      FileTrees.delete(old);
      if (Files.exists(dir)) {
        Files.move(dir, old);
      }
      AtomicFiles.move(tmp, dir);
      FileTrees.delete(old);
    } catch (IOException e) {
      try {
        FileTrees.delete(tmp); // the previous checkpoint, if any, is untouched
      } catch (IOException ignored) {
        // the write already failed; its message is the one that matters
      }
      throw new UncheckedIOException("could not write checkpoint " + dir + ": " + e.getMessage(), e);
    }
  }

  public static State readState(Path dir) {
    Path f = dir.resolve("state.json");
    if (!Files.isRegularFile(f)) {
      throw new UserException("no checkpoint at " + dir + " (state.json is missing).");
    }
    return Json.read(f, State.class);
  }

  public static void load(Path dir, String part, PartReader reader) {
    Path f = dir.resolve(part + ".bin");
    try (InputStream raw = Files.newInputStream(f);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      reader.read(in);
    } catch (IOException e) {
      throw new UserException("could not read checkpoint part " + f + ": " + e.getMessage(), e);
    }
  }
}
