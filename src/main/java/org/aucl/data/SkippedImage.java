package org.aucl.data;

/**
 * A file left out of an image folder because it cannot be read.
 *
 * @param id its path relative to the folder
 * @param problem why, in a few words
 */
public record SkippedImage(String id, String problem) {}
