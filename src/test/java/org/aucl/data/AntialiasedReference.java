package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/** The fixture of bench/resize_reference.py: a 64 x 48 RGB image and PIL's resizes of it. */
public final class AntialiasedReference {
  private static final int PLANE = 48 * 64;

  private AntialiasedReference() {}

  /** input.png as CHW floats in [0, 1]. */
  public static float[] input() throws IOException {
    try (InputStream in = AntialiasedReference.class.getResourceAsStream("/resize/input.png")) {
      BufferedImage img = ImageIO.read(in);
      float[] out = new float[3 * PLANE];
      for (int y = 0; y < 48; y++) {
        for (int x = 0; x < 64; x++) {
          int rgb = img.getRGB(x, y);
          for (int c = 0; c < 3; c++) {
            out[c * PLANE + y * 64 + x] = ((rgb >>> (16 - 8 * c)) & 0xFF) / 255f;
          }
        }
      }
      return out;
    }
  }

  /** PIL's float result, scaled from [0, 255] to [0, 1]. */
  public static float[] reference(String name, int length) throws IOException {
    try (InputStream in = AntialiasedReference.class.getResourceAsStream("/resize/" + name + ".f32")) {
      byte[] bytes = in.readAllBytes();
      assertEquals(4 * length, bytes.length, name);
      ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      float[] out = new float[length];
      for (int i = 0; i < length; i++) {
        out[i] = buf.getFloat() / 255f;
      }
      return out;
    }
  }
}
