package org.aucl.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.util.AtomicFiles;
import org.aucl.util.Json;

/**
 * metrics.jsonl: one JSON line per epoch. The whole file is rewritten atomically each epoch (it is
 * small), so a crash never leaves a torn line and a resumed run can drop epochs after its checkpoint.
 */
public final class MetricsLog {
  private final Path file;
  private final List<EpochMetrics> epochs = new ArrayList<>();

  private MetricsLog(Path file) {
    this.file = file;
  }

  public static MetricsLog create(Path file) {
    return new MetricsLog(file);
  }

  /** Reads an existing log, keeping only epochs up to {@code lastEpoch} (those the checkpoint holds). */
  public static MetricsLog resume(Path file, int lastEpoch) {
    MetricsLog log = new MetricsLog(file);
    if (Files.exists(file)) {
      ObjectMapper mapper = Json.MAPPER;
      try {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            EpochMetrics m = mapper.readValue(line, EpochMetrics.class);
            if (m.epoch() <= lastEpoch) {
              log.epochs.add(m);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
      }
    }
    return log;
  }

  public void append(EpochMetrics m) {
    epochs.add(m);
    StringBuilder sb = new StringBuilder();
    for (EpochMetrics e : epochs) {
      sb.append(Json.line(e)).append('\n');
    }
    AtomicFiles.writeString(file, sb.toString());
  }

  public List<EpochMetrics> epochs() {
    return List.copyOf(epochs);
  }
}
