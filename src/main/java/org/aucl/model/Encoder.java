package org.aucl.model;

import ai.djl.nn.Block;

/**
 * A built encoder: its block (B x C x H x W to B x featureDim, global-average-pooled) with the
 * forward multiply-adds per image counted from the layer shapes (convolutions and linear layers;
 * BatchNorm, ReLU, pooling and the residual adds are not counted, as is usual).
 */
public record Encoder(Block block, int featureDim, long macsPerImage) {}
