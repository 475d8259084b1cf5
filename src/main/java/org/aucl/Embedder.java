package org.aucl;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The embedding of single images by a pretrained run.
 *
 * @deprecated moved to {@link org.aucl.api.Embedder}, which also embeds batches; this class delegates to it.
 */
@Deprecated
public final class Embedder implements AutoCloseable {
  private final org.aucl.api.Embedder delegate;

  private Embedder(org.aucl.api.Embedder delegate) {
    this.delegate = delegate;
  }

  /** @see org.aucl.api.Embedder#open(Path) */
  public static Embedder open(Path runDir) {
    return new Embedder(org.aucl.api.Embedder.open(runDir));
  }

  /** @see org.aucl.api.Embedder#open(Path, String) */
  public static Embedder open(Path runDir, String which) {
    return new Embedder(org.aucl.api.Embedder.open(runDir, which));
  }

  public int dimension() {
    return delegate.dimension();
  }

  public float[] embed(Path imageFile) {
    return delegate.embed(imageFile);
  }

  public float[] embed(BufferedImage image) {
    return delegate.embed(image);
  }

  public float[] embed(float[] chw, int height, int width) {
    return delegate.embed(chw, height, width);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
