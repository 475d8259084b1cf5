package org.aucl.api;

import java.nio.file.Path;

/** The README's folder example, compiled and run by {@link EmbedderTest}; the README quotes it verbatim. */
final class EmbedderFolderExample {
  private EmbedderFolderExample() {}

  // README example: start
  /** The image under {@code folder} most like {@code query}: the nearest by cosine similarity. */
  static String mostSimilar(Path runDir, Path folder, Path query) {
    try (Embedder embedder = Embedder.open(runDir)) {
      float[] q = embedder.embed(query);
      String[] best = {null};
      float[] bestScore = {-2};
      embedder.embedFolder(folder, image -> { // batches of 64, decoded on every core
        float score = 0;
        for (int i = 0; i < q.length; i++) {
          score += q[i] * image.vector()[i];
        }
        if (score > bestScore[0]) {
          bestScore[0] = score;
          best[0] = image.id(); // the path relative to the folder
        }
      });
      return best[0];
    }
  }
  // README example: end
}
