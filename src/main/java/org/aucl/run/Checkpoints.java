package org.aucl.run;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aucl.util.AtomicFiles;
import org.aucl.util.FileTrees;
import org.aucl.util.Json;
import org.aucl.util.UserException;

/**
 * Checkpoint folders ({@code checkpoints/last}, {@code checkpoints/previous}, {@code checkpoints/best}):
 * one binary file per state part, {@code state.json}, and {@code manifest.json} with the SHA-256 of
 * every file. A checkpoint is written into {@code last.tmp}; the old {@code last} becomes
 * {@code previous}, then {@code last.tmp} becomes {@code last}. A process killed at any point leaves
 * at least one complete, verifiable checkpoint, which {@link #latestValid} finds.
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

  /**
   * state.json: where training stands.
   *
   * @param epoch epochs completed
   * @param step optimiser steps taken (skipped non-finite steps included)
   * @param batchInEpoch batches of epoch {@code epoch + 1} already trained (0 at an epoch's end)
   * @param partial that epoch's accounting so far (null at an epoch's end)
   * @param fingerprint the method, network and objective the checkpoint belongs to
   */
  public record State(
      int epoch, long step, Double bestKnnTop1, Integer bestEpoch, double elapsedSeconds, int batchInEpoch,
      EpochPartial partial, String fingerprint) {}

  /** manifest.json: the SHA-256 of every other file of the checkpoint. */
  record Manifest(Map<String, String> sha256) {}

  private static final String MANIFEST = "manifest.json";
  private static final String STATE = "state.json";

  private Checkpoints() {}

  public static void save(Path dir, State state, Map<String, PartWriter> parts) {
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
    Path previous = dir.resolveSibling("previous");
    try {
      FileTrees.delete(tmp);
      Files.createDirectories(tmp);
      for (Map.Entry<String, PartWriter> p : new LinkedHashMap<>(parts).entrySet()) {
        try (DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve(p.getKey() + ".bin"))))) {
          p.getValue().write(out);
        }
      }
      Json.write(tmp.resolve(STATE), state);
      Json.write(tmp.resolve(MANIFEST), manifestOf(tmp));
      if (Files.exists(dir)) {
        FileTrees.delete(previous);
        Files.move(dir, previous);
      }
      AtomicFiles.move(tmp, dir);
    } catch (IOException e) {
      throw failed(dir, tmp, e, e.getMessage());
    } catch (UncheckedIOException e) { // state.json or manifest.json, written by AtomicFiles
      throw failed(dir, tmp, e.getCause(), e.getCause().getMessage());
    }
  }

  /** Removes the half-written {@code tmp} (the previous checkpoint, if any, is untouched) and says why. */
  private static UncheckedIOException failed(Path dir, Path tmp, IOException cause, String why) {
    try {
      FileTrees.delete(tmp);
    } catch (IOException ignored) {
      // the write already failed; its message is the one that matters
    }
    return new UncheckedIOException("could not write checkpoint " + dir + ": " + why, cause);
  }

  public static State readState(Path dir) {
    Path f = dir.resolve(STATE);
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

  /**
   * Why {@code dir} is not a complete checkpoint (a missing file, a checksum that does not match), or
   * empty when it is. A checkpoint written before manifests existed is complete when its state is.
   */
  public static Optional<String> problem(Path dir) {
    if (!Files.isRegularFile(dir.resolve(STATE))) {
      return Optional.of("state.json is missing");
    }
    Path m = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(m)) {
      return Optional.empty();
    }
    try {
      Map<String, String> expected = Json.read(m, Manifest.class).sha256();
      for (Map.Entry<String, String> e : expected.entrySet()) {
        Path f = dir.resolve(e.getKey());
        if (!Files.isRegularFile(f)) {
          return Optional.of(e.getKey() + " is missing");
        }
        if (!sha256(f).equals(e.getValue())) {
          return Optional.of(e.getKey() + " does not match its checksum (corrupted or truncated)");
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("its manifest cannot be read (" + e.getMessage() + ")");
    }
  }

  /** A complete checkpoint and the problems of the newer ones passed over to find it. */
  public record Found(Path dir, State state, List<String> skipped) {}

  /**
   * The most advanced complete checkpoint among {@code last}, {@code last.tmp} (complete when a
   * process died between the two renames) and {@code previous}; empty when there is none.
   */
  public static Optional<Found> latestValid(Path last) {
    List<Path> candidates = List.of(last, last.resolveSibling(last.getFileName() + ".tmp"), last.resolveSibling("previous"));
    Found best = null;
    List<String> skipped = new java.util.ArrayList<>();
    for (Path c : candidates) {
      if (!Files.isDirectory(c)) {
        continue;
      }
      Optional<String> p = problem(c);
      if (p.isPresent()) {
        if (!c.getFileName().toString().endsWith(".tmp")) {
          skipped.add(c + ": " + p.get());
        }
        continue;
      }
      State s = readState(c);
      if (best == null || s.step() > best.state().step()) {
        best = new Found(c, s, skipped);
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Found(best.dir(), best.state(), List.copyOf(skipped)));
  }

  private static Manifest manifestOf(Path dir) throws IOException {
    Map<String, String> sums = new java.util.TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!name.equals(MANIFEST)) {
          sums.put(name, sha256(f));
        }
      }
    }
    return new Manifest(sums);
  }

  /** The SHA-256 of a file's bytes, in hex. */
  public static String sha256(Path f) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(f)) {
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n > 0; n = in.read(buf)) {
          md.update(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
