package org.aucl.model;

import ai.djl.nn.Block;

/**
 * A built encoder: its block (B x C x H x W to B x featureDim, global-average-pooled) with the
 * forward multiply-adds per image counted from the layer shapes (convolutions and linear layers;
 * BatchNorm, ReLU, pooling and the residual adds are not counted, as is usual), its parameters, and
 * the activations per image its layers write (what a training step keeps for its backward pass,
 * about three arrays of this size per layer: for memory estimates).
 */
public record Encoder(Block block, int featureDim, long macsPerImage, long parameters, long activationsPerImage) {}
