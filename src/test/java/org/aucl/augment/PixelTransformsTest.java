package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Grayscale, solarisation and normalisation. */
class PixelTransformsTest {
  private final ImageShape rgb = new ImageShape(3, 5, 4);

  @Test
  void grayscaleKeepsThreeEqualChannelsOfTheLuma() {
    float[] img = Images.random(rgb, 1);
    float[] out = Images.apply(new RandomGrayscale(1.0), img, rgb, 0);
    assertEquals(img.length, out.length);
    int n = rgb.plane();
    for (int k = 0; k < n; k++) {
      float l = 0.299f * img[k] + 0.587f * img[n + k] + 0.114f * img[2 * n + k];
      assertEquals(l, out[k], 1e-6);
      assertEquals(out[k], out[n + k]);
      assertEquals(out[k], out[2 * n + k]);
    }
    Images.assertInUnitRange(out);
  }

  @Test
  void grayscaleLeavesOneChannelAlone() {
    ImageShape g = new ImageShape(1, 3, 3);
    float[] img = Images.random(g, 2);
    assertArrayEquals(img, Images.apply(new RandomGrayscale(1.0), img, g, 0));
  }

  @Test
  void solariseInvertsFromTheThresholdUp() {
    ImageShape s = new ImageShape(1, 1, 5);
    float[] img = {0.0f, 0.49f, 0.5f, 0.75f, 1.0f};
    assertArrayEquals(new float[] {0.0f, 0.49f, 0.5f, 0.25f, 0.0f}, Images.apply(new Solarize(0.5, 1.0), img, s, 0));
    assertArrayEquals(img, Images.apply(new Solarize(0.5, 0.0), img, s, 0));
  }

  @Test
  void normaliseIsExactPerChannel() {
    float[] mean = {0.4914f, 0.4822f, 0.4465f};
    float[] std = {0.2470f, 0.2435f, 0.2616f};
    float[] img = Images.random(rgb, 3);
    float[] out = Images.apply(new Normalize(mean, std), img, rgb, 0);
    int n = rgb.plane();
    for (int c = 0; c < 3; c++) {
      for (int k = 0; k < n; k++) {
        assertEquals((img[c * n + k] - mean[c]) / std[c], out[c * n + k]);
      }
    }
  }

  @Test
  void normaliseFitsStatisticsToTheChannelCount() {
    Normalize rep = Normalize.forChannels(new float[] {0.5f}, new float[] {0.25f}, 3);
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, rep.mean());
    Normalize avg = Normalize.forChannels(new float[] {0.2f, 0.4f, 0.6f}, new float[] {0.1f, 0.2f, 0.3f}, 1);
    assertArrayEquals(new float[] {0.4f}, avg.mean(), 1e-6f);
    assertArrayEquals(new float[] {0.2f}, avg.std(), 1e-6f);
    assertThrows(IllegalArgumentException.class,
        () -> Normalize.forChannels(new float[] {0.1f, 0.2f}, new float[] {0.1f, 0.2f}, 3));
    assertThrows(IllegalArgumentException.class, () -> new Normalize(new float[] {0.1f}, new float[] {0f}));
  }
}
