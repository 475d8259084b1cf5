package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding against PIL ({@code Image.open(f).convert("RGB")}, torchvision's folder reader) on the colour
 * models photo folders hold: the fixtures and expected.txt come from bench/decode_fixtures.py.
 */
class ImageDecoderTest {
  /** JPEG decoders may round an IDCT differently by a step or two; PNGs must match exactly. */
  private static final int JPEG_TOLERANCE = 2;

  @Test
  void everyColourModelReadsAsPilReadsIt() throws Exception {
    int checked = 0;
    for (String line : expected()) {
      String[] f = line.split(" ");
      byte[] px = ImageDecoder.pixels(ImageDecoder.read(fixture(f[0])), 3);
      int x = Integer.parseInt(f[1]);
      int y = Integer.parseInt(f[2]);
      int plane = 16 * 12;
      int tolerance = f[0].endsWith(".jpg") ? JPEG_TOLERANCE : 0;
      for (int c = 0; c < 3; c++) {
        int want = Integer.parseInt(f[3 + c]);
        int got = px[c * plane + y * 16 + x] & 0xFF;
        assertTrue(Math.abs(want - got) <= tolerance, f[0] + " at (" + x + ", " + y + ") channel " + c + ": PIL " + want + ", aucl " + got);
      }
      checked++;
    }
    assertEquals(24, checked);
  }

  @Test
  void greyReadsItsStoredValueNotABrighterOne() throws Exception {
    // getRGB takes Java's grey colour space for linear light and converts it to sRGB: 68 read 141.
    for (String name : List.of("grey.png", "grey16.png", "grey-alpha.png")) {
      BufferedImage img = ImageDecoder.read(fixture(name));
      assertEquals(68, ImageDecoder.pixels(img, 1)[9 * 16 + 4] & 0xFF, name);
    }
  }

  @Test
  void oneChannelOfColourIsPilsLuma() throws Exception {
    byte[] px = ImageDecoder.pixels(ImageDecoder.read(fixture("palette.png")), 1);
    // (200, 60, 30): PIL's convert("L") gives (200*19595 + 60*38470 + 30*7471 + 32768) >> 16 = 98
    assertEquals(98, px[3 * 16 + 4] & 0xFF);
  }

  @Test
  void cmykJpegsAreReadInTheirColoursByTheRobustReader() throws Exception {
    BufferedImage img = ImageDecoder.read(fixture("cmyk.jpg"));
    assertEquals(3, img.getColorModel().getNumColorComponents());
  }

  private static List<String> expected() throws IOException {
    try (InputStream in = ImageDecoderTest.class.getResourceAsStream("/decode/expected.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
    }
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ImageDecoderTest.class.getResource("/decode/" + name).toURI());
  }
}
