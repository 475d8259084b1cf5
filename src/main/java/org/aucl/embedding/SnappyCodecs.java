package org.aucl.embedding;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet's SNAPPY (raw Snappy blocks, one per page) and UNCOMPRESSED codecs through snappy-java
 * directly. parquet-java's own {@code CodecFactory} reaches every codec through Hadoop's compression
 * classes, which are not on aucl's class path; this factory needs none of them. Decompression is here
 * for parquet-java's reader (the tests read files back with it).
 */
final class SnappyCodecs implements CompressionCodecFactory {
  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    check(codec);
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return codec == CompressionCodecName.UNCOMPRESSED ? bytes : BytesInput.from(Snappy.compress(bytes.toByteArray()));
      }

      @Override
      public CompressionCodecName getCodecName() {
        return codec;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    check(codec);
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
        if (codec == CompressionCodecName.UNCOMPRESSED) {
          return bytes;
        }
        byte[] out = Snappy.uncompress(bytes.toByteArray());
        if (out.length != decompressedSize) {
          throw new IOException("a Snappy page holds " + out.length + " bytes, its header says " + decompressedSize);
        }
        return BytesInput.from(out);
      }

      @Override
      public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
          throws IOException {
        byte[] in = new byte[compressedSize];
        input.get(in);
        output.put(decompress(BytesInput.from(in), decompressedSize).toByteArray());
      }

      @Override
      public void release() {}
    };
  }

  private static void check(CompressionCodecName codec) {
    if (codec != CompressionCodecName.SNAPPY && codec != CompressionCodecName.UNCOMPRESSED) {
      throw new IllegalArgumentException("aucl reads and writes Parquet pages in SNAPPY or UNCOMPRESSED, not " + codec);
    }
  }

  @Override
  public void release() {}
}
