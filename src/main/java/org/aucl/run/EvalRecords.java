package org.aucl.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.aucl.util.Json;

/**
 * The evaluations recorded in a run directory, one JSON file each under {@code RUN/evals/} (written
 * atomically), so {@code report} reruns only what is missing. A file that cannot be read counts as missing.
 */
public final class EvalRecords {
  private final Path dir;

  public EvalRecords(Path runRoot) {
    this.dir = runRoot.resolve("evals");
  }

  public Path dir() {
    return dir;
  }

  /** The record of evaluation {@code name} with {@code settings} of this checkpoint on this dataset, if there is a readable one. */
  public Optional<EvalRecord> find(String checkpointHash, String name, String settings, String dataset) {
    Path f = dir.resolve(EvalRecord.fileName(checkpointHash, name, settings, dataset));
    return read(f).filter(r -> r.checkpointHash().equals(checkpointHash));
  }

  public void save(EvalRecord r) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + dir + ": " + e.getMessage(), e);
    }
    Json.write(dir.resolve(r.fileName()), r);
  }

  /** Every readable record of the checkpoint with this content hash, in {@code order}. */
  public List<EvalRecord> forCheckpoint(String checkpointHash, Comparator<EvalRecord> order) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<EvalRecord> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        read(f).filter(r -> checkpointHash.equals(r.checkpointHash())).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
    }
    out.sort(order);
    return out;
  }

  private static Optional<EvalRecord> read(Path f) {
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(f.toFile(), EvalRecord.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged or foreign: run the evaluation again
    }
  }
}
