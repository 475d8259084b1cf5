package org.aucl.embedding;

/**
 * One image's row.
 *
 * @param id the image's path relative to its folder (folders), or its index in its split (packed datasets)
 * @param split "train" or "test" where the file has a split column, else null
 * @param label the image's class, -1 when unlabeled
 * @param vector the embedding (not copied: the writer reads it before {@code write} returns)
 */
public record EmbeddingRow(String id, String split, int label, float[] vector) {}
