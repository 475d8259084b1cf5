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
    float[] img = ds.image(1); // zebra/a.png, pure red, resized 10x6 -> 5x5
    assertEquals(3 * 25, img.length);
    for (int p = 0; p < 25; p++) {
      assertEquals(1f, img[p], 1e-6f);
      assertEquals(0f, img[25 + p], 1e-6f);
      assertEquals(0f, img[50 + p], 1e-6f);
    }
  }

  @Test
  void bilinearDownscaleByTwoAveragesBlocks() throws Exception {
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
    assertEquals(60 / 255f, img[0], 1.01f / 255f);
    assertEquals(100 / 255f, img[1], 1.01f / 255f);
    assertEquals(10 / 255f, img[2], 1.01f / 255f);
    assertEquals(100 / 255f, img[3], 1.01f / 255f);
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
}
