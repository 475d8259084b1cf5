package org.aucl.eval;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.aucl.util.AtomicFiles;

/**
 * Writes features for use outside aucl: CSV ({@code index,label,v0,...}; no label column when
 * unlabelled), or NPY when the file name ends in {@code .npy} (an n x dim float32 array, and the labels
 * as int64 beside it in {@code NAME.labels.npy}).
 */
public final class EmbeddingFiles {
  private EmbeddingFiles() {}

  public static boolean isNpy(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
  }

  /** {@code x.npy} to {@code x.labels.npy}. */
  public static Path labelsFile(Path npy) {
    String name = npy.getFileName().toString();
    return npy.resolveSibling(name.substring(0, name.length() - 4) + ".labels.npy");
  }

  /** Writes {@code f} to {@code file}, as NPY or CSV by its name; labels only when {@code labelled}. */
  public static void write(Path file, Features f, boolean labelled) {
    if (isNpy(file)) {
      NpyWriter.writeFloats(file, f.data(), f.n(), f.dim());
      if (labelled) {
        NpyWriter.writeLongs(labelsFile(file), f.labels());
      }
      return;
    }
    AtomicFiles.write(file, raw -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
      StringBuilder line = new StringBuilder("index");
      if (labelled) {
        line.append(",label");
      }
      for (int j = 0; j < f.dim(); j++) {
        line.append(",v").append(j);
      }
      w.write(line.append('\n').toString());
      for (int i = 0; i < f.n(); i++) {
        line.setLength(0);
        line.append(i);
        if (labelled) {
          line.append(',').append(f.labels()[i]);
        }
        for (int j = 0; j < f.dim(); j++) {
          // Float.toString is the shortest text that reads back to the same float
          line.append(',').append(f.data()[i * f.dim() + j]);
        }
        w.write(line.append('\n').toString());
      }
      w.flush();
    });
  }
}
