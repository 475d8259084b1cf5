package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {
  @TempDir Path dir;

  private static void writeSolid(Path file, int w, int h, int rgb, String format) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, format, file.toFile());
  }

  @Test
  void subFoldersAreSortedClasses() throws Exception {
    writeSolid(dir.resolve("zebra/a.png"), 10, 6, 0xFF0000, "png");
    writeSolid(dir.resolve("zebra/b.png"), 4, 4, 0x00FF00, "png");
    writeSolid(dir.resolve("apple/nested/c.png"), 8, 8, 0x0000FF, "png");
    Files.writeString(dir.resolve("zebra/notes.txt"), "not an image");
    ImageFolderDataset ds = new ImageFolderDataset("f", dir, 5, 3);
    assertEquals(List.of("apple", "zebra"), ds.classNames());
    assertEquals(3, ds.size());
    assertEquals(0, ds.label(0));
    assertEquals(1, ds.label(1));
    assertEquals(1, ds.label(2));
    float[] img = ds.image(1); // zebra/a.png, pure red, 10 x 6 with short side 5: 8 x 5, aspect kept
    assertTrue(ds.shapesVary());
    assertEquals(5, ds.height(1));
    assertEquals(8, ds.width(1));
    assertEquals(4, ds.height(2), "b.png is smaller than the short side: kept");
    assertEquals(3 * 40, img.length);
    for (int p = 0; p < 40; p++) {
      assertEquals(1f, img[p], 1e-6f);
      assertEquals(0f, img[40 + p], 1e-6f);
      assertEquals(0f, img[80 + p], 1e-6f);
    }
  }

  @Test
  void theShortSideDownscaleIsPilsAntialiasedResize() throws Exception {
    BufferedImage src = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    int[][] gray = {{0, 40, 100, 100}, {80, 120, 100, 100}, {10, 10, 200, 0}, {10, 10, 0, 200}};
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        int g = gray[y][x];
        src.setRGB(x, y, (g << 16) | (g << 8) | g);
      }
    }
    ImageIO.write(src, "png", dir.resolve("one.png").toFile());
    ImageFolderDataset ds = new ImageFolderDataset("f", dir, 2, 1);
    float[] img = ds.image(0);
    // PIL: Image.fromarray(gray, "F").resize((2, 2), BILINEAR) = [[61.63, 95.71], [33.88, 89.39]]
    assertEquals(61.63f / 255f, img[0], 0.51f / 255f);
    assertEquals(95.71f / 255f, img[1], 0.51f / 255f);
    assertEquals(33.88f / 255f, img[2], 0.51f / 255f);
    assertEquals(89.39f / 255f, img[3], 0.51f / 255f);
  }

  @Test
  void plainFolderIsUnlabeledAndGrayscaleUsesLuma() throws Exception {
    writeSolid(dir.resolve("x.jpg"), 6, 6, 0x808080, "jpg");
    writeSolid(dir.resolve("y.png"), 6, 6, 0xFF0000, "png");
    ImageFolderDataset ds = new ImageFolderDataset("u", dir, 0, 1);
    assertEquals(2, ds.size());
    assertEquals(6, ds.height());
    assertEquals(-1, ds.label(0));
    assertTrue(ds.classNames().isEmpty());
    float[] red = ds.image(1);
    assertEquals(0.299f, red[0], 1.5f / 255f);
  }

  @Test
  void emptyFolderIsAUserError() throws Exception {
    Files.writeString(dir.resolve("readme.txt"), "nothing here");
    UserException e = assertThrows(UserException.class, () -> new ImageFolderDataset("e", dir, 8, 3));
    assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("no readable image files"), e.getMessage());
  }

  @Test
  void undecodableImageNamesTheFile() throws Exception {
    writeSolid(dir.resolve("cls/good.png"), 4, 4, 0x123456, "png");
    Path bad = dir.resolve("cls/bad.png");
    Files.write(bad, new byte[] {1, 2, 3, 4, 5});
    UserException e = assertThrows(UserException.class, () -> new ImageFolderDataset("b", dir, 4, 3));
    assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("no image reader recognises"),
        e.getMessage());
  }

  @Test
  void greyImagesAreReadWithOneChannelUnlessToldOtherwise() throws Exception {
    Path digits = dir.resolve("digits");
    for (String cls : List.of("0", "1")) {
      Files.createDirectories(digits.resolve(cls));
      for (int i = 0; i < 3; i++) {
        BufferedImage img = new BufferedImage(6, 6, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(i, i, 0, 200);
        ImageIO.write(img, "png", digits.resolve(cls).resolve(i + ".png").toFile());
      }
    }
    assertEquals(1, new ImageFolderDataset("digits", digits, 0, 0).channels(), "grey PNGs, channels from the images");
    assertEquals(3, new ImageFolderDataset("digits", digits, 0, 3).channels(), "told 3");
    Path rgb = dir.resolve("colour");
    writeSolid(rgb.resolve("a.png"), 6, 6, 0x336699, "png");
    assertEquals(3, new ImageFolderDataset("colour", rgb, 0, 0).channels(), "an RGB PNG gives 3 channels");
    assertEquals(1, new ImageFolderDataset("colour", rgb, 0, 1).channels(), "told 1");
  }

  @Test
  void photosKeepTheirAspectRatio() throws Exception {
    // A portrait photo, red on top and blue below, is read at its shape, not squashed to a square.
    BufferedImage portrait = new BufferedImage(6, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 6; x++) {
        portrait.setRGB(x, y, y < 5 ? 0xFF0000 : 0x0000FF);
      }
    }
    ImageIO.write(portrait, "png", dir.resolve("a.png").toFile());
    writeSolid(dir.resolve("b.png"), 12, 8, 0x00FF00, "png");
    ImageFolderDataset ds = new ImageFolderDataset("f", dir, 0, 3);
    assertTrue(ds.shapesVary());
    assertEquals(10, ds.height(0));
    assertEquals(6, ds.width(0));
    assertEquals(8, ds.height(1));
    assertEquals(12, ds.width(1));
    assertEquals(6, ds.height(), "nominal: the first image's short side");
    float[] img = ds.image(0);
    assertEquals(3 * 60, img.length);
    assertEquals(1f, img[4 * 6], 1e-6f, "row 4 is red");
    assertEquals(1f, img[2 * 60 + 5 * 6], 1e-6f, "row 5 is blue");
  }

  @Test
  void greyPngsReadTheirStoredValues() throws Exception {
    // getRGB took the grey samples for linear light and brightened them: 68 read 141.
    BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        grey.getRaster().setSample(x, y, 0, 68);
      }
    }
    ImageIO.write(grey, "png", dir.resolve("g.png").toFile());
    ImageFolderDataset ds = new ImageFolderDataset("g", dir, 0, 0);
    assertEquals(1, ds.channels());
    assertEquals(68 / 255f, ds.image(0)[5], 1e-6f);
    assertEquals(68 / 255f, new ImageFolderDataset("g", dir, 0, 3).image(0)[16 + 5], 1e-6f);
  }
}
