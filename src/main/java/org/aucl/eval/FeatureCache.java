package org.aucl.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.aucl.util.AtomicFiles;

/**
 * Features stored under a folder ({@code RUN/features/}), one file per {@link FeatureKey}, so the
 * evaluations of one checkpoint extract each split once. A changed checkpoint, dataset, transform or
 * head gives another key, hence another file. Files are written atomically; an unreadable one is
 * recomputed and replaced.
 *
 * <p>File layout: the magic {@code AUCLFEA1}, the key's digest (UTF), n and dim (ints), n labels
 * (ints), n x dim floats (little-endian).
 */
public final class FeatureCache {
  private static final String MAGIC = "AUCLFEA1";
  /** Floats read or written per buffer. */
  private static final int CHUNK_FLOATS = 1 << 14;

  private final Path dir;

  public FeatureCache(Path dir) {
    this.dir = dir;
  }

  public Path file(FeatureKey key) {
    return dir.resolve(key.digest() + ".bin");
  }

  /** True when features for {@code key} are stored and readable. */
  public boolean has(FeatureKey key) {
    return read(key) != null;
  }

  /** The stored features of {@code key}, or else {@code compute}'s, which are then stored. */
  public Features get(FeatureKey key, Supplier<Features> compute) {
    Features stored = read(key);
    if (stored != null) {
      return stored;
    }
    Features fresh = compute.get();
    write(key, fresh);
    return fresh;
  }

  private Features read(FeatureKey key) {
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try (InputStream raw = Files.newInputStream(f);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
      byte[] magic = in.readNBytes(MAGIC.length());
      if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))
          || !in.readUTF().equals(key.digest())) {
        return null;
      }
      int n = in.readInt();
      int dim = in.readInt();
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = in.readInt();
      }
      float[] data = new float[Math.multiplyExact(n, dim)];
      byte[] chunk = new byte[CHUNK_FLOATS * Float.BYTES];
      ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
      for (int from = 0; from < data.length; from += CHUNK_FLOATS) {
        int len = Math.min(CHUNK_FLOATS, data.length - from);
        in.readFully(chunk, 0, len * Float.BYTES);
        view.clear();
        view.asFloatBuffer().get(data, from, len);
      }
      return new Features(data, n, dim, labels);
    } catch (IOException | RuntimeException e) {
      return null; // a truncated or foreign file: recompute and overwrite it
    }
  }

  /** Stores {@code features} under {@code key}, replacing what was there. */
  public void put(FeatureKey key, Features features) {
    write(key, features);
  }

  private void write(FeatureKey key, Features features) {
    AtomicFiles.write(
        file(key),
        raw -> {
          DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16));
          out.writeBytes(MAGIC);
          out.writeUTF(key.digest());
          out.writeInt(features.n());
          out.writeInt(features.dim());
          for (int l : features.labels()) {
            out.writeInt(l);
          }
          // through a small buffer: n x dim x 4 bytes passes 2^31 (an int) long before the features fill the heap
          float[] data = features.data();
          byte[] chunk = new byte[CHUNK_FLOATS * Float.BYTES];
          ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
          for (int from = 0; from < data.length; from += CHUNK_FLOATS) {
            int len = Math.min(CHUNK_FLOATS, data.length - from);
            view.clear();
            view.asFloatBuffer().put(data, from, len);
            out.write(chunk, 0, len * Float.BYTES);
          }
          out.flush();
        });
  }
}
