package org.aucl.api;

import java.nio.file.Path;

/** The README's example, compiled and run by {@link EmbedderTest}; the README quotes it verbatim. */
final class EmbedderExample {
  private EmbedderExample() {}

  // README example: start
  /** Cosine similarity of two images under a pretrained run's encoder. */
  static float similarity(Path runDir, Path imageA, Path imageB) {
    try (Embedder embedder = Embedder.open(runDir)) {
      float[] a = embedder.embed(imageA);
      float[] b = embedder.embed(imageB);
      float dot = 0;
      for (int i = 0; i < a.length; i++) {
        dot += a[i] * b[i]; // embeddings have unit length
      }
      return dot;
    }
  }
  // README example: end
}
