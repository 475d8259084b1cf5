package org.aucl.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * The initialisation of timm's and DINO's Vision Transformers: linear weights, the class token and the
 * position embeddings from a normal of std 0.02 truncated at +-2 (absolute bounds, as timm's
 * {@code trunc_normal_(std=.02)}; at this std the bounds lie 100 standard deviations out and never
 * bind, so this is a plain normal). Biases are zero, LayerNorm keeps DJL's gamma 1 and beta 0.
 *
 * <p>DJL's own {@code TruncatedNormalInitializer} cuts at two standard deviations instead, which
 * shrinks the spread by about 12%, so it is not used.
 */
final class TimmInit {
  static final float STD = 0.02f;

  private TimmInit() {}

  /** N(0, std^2), truncated at +-2 (a no-op at std 0.02). */
  static Initializer truncNormal(float std) {
    return (NDManager manager, Shape shape, DataType dataType) ->
        manager.randomNormal(0f, std, shape, dataType).clip(-2f, 2f);
  }
}
