package org.aucl.data;

/**
 * Images of one shape kept in memory as unsigned bytes, CHW row-major per image, in chunks of at most
 * 1 GiB so that sets larger than one Java array (STL-10 unlabeled: 100,000 x 3x96x96 = 2.76 GB) fit.
 *
 * <p>Written once by a reader, then only read: reads are thread-safe and allocate nothing.
 */
final class PackedImages {
  private static final int MAX_CHUNK_BYTES = 1 << 30;
  private static final float INV_255 = 1f / 255f;

  private final int count;
  private final int imageBytes;
  private final int perChunk;
  private final byte[][] chunks;

  PackedImages(int count, int imageBytes) {
    if (count < 0 || imageBytes <= 0) {
      throw new IllegalArgumentException("count must be >= 0 and imageBytes > 0, got " + count + ", " + imageBytes);
    }
    this.count = count;
    this.imageBytes = imageBytes;
    this.perChunk = Math.max(1, MAX_CHUNK_BYTES / imageBytes);
    int nChunks = count == 0 ? 0 : (count + perChunk - 1) / perChunk;
    this.chunks = new byte[nChunks][];
    for (int c = 0; c < nChunks; c++) {
      int inChunk = Math.min(perChunk, count - c * perChunk);
      chunks[c] = new byte[inChunk * imageBytes];
    }
  }

  int count() {
    return count;
  }

  int imageBytes() {
    return imageBytes;
  }

  /** The chunk that holds image {@code i}; its bytes start at {@link #offset(int)}. */
  byte[] chunk(int i) {
    return chunks[i / perChunk];
  }

  int offset(int i) {
    return (i % perChunk) * imageBytes;
  }

  /** Copies {@code imageBytes} bytes of image {@code i} from {@code src[srcOff..]}, already CHW. */
  void put(int i, byte[] src, int srcOff) {
    System.arraycopy(src, srcOff, chunk(i), offset(i), imageBytes);
  }

  /** Writes image {@code i} scaled to [0, 1] into {@code dst[0..imageBytes)}. */
  void read(int i, float[] dst) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("image index " + i + " outside 0.." + (count - 1));
    }
    toUnit(chunk(i), offset(i), imageBytes, dst);
  }

  /**
   * Writes {@code n} unsigned bytes {@code src[off..off+n)} scaled to [0, 1] ({@code b / 255}) into
   * {@code dst[0..n)}: the one byte-to-pixel conversion of every byte-backed dataset.
   */
  static void toUnit(byte[] src, int off, int n, float[] dst) {
    if (dst.length < n) {
      throw new IllegalArgumentException("dst has length " + dst.length + ", needs " + n);
    }
    for (int k = 0; k < n; k++) {
      dst[k] = (src[off + k] & 0xFF) * INV_255;
    }
  }
}
