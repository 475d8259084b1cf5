package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders as users keep them: nested, unlabeled, with files that do not read. */
class OwnImageFoldersTest {
  @TempDir Path dir;

  private static final DatasetOptions NONE = DatasetOptions.DEFAULTS.withImageSize(8).withChannels(3)
      .withLabels(FolderLabels.NONE);

  static byte[] png(int w, int h, int seed) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, ((x * 13 + seed * 7) & 255) << 16 | ((y * 17 + seed) & 255) << 8 | ((x * y + seed * 31) & 255));
      }
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ImageIO.write(img, "png", b);
    return b.toByteArray();
  }

  private Path write(String rel, byte[] bytes) throws Exception {
    Path f = dir.resolve(rel);
    Files.createDirectories(f.getParent());
    return Files.write(f, bytes);
  }

  @Test
  void labelsNoneReadsEveryImageAtAnyDepthNamedByItsRelativePath() throws Exception {
    write("photos/2024-05-02/b.png", png(12, 9, 1));
    write("photos/2024-05-01/x/a.png", png(10, 10, 2));
    write("photos/2024-05-01/z.png", png(10, 10, 3));
    write("photos/top.png", png(10, 10, 4));
    write("photos/.trash/old.png", png(10, 10, 5));
    write("photos/2024-05-01/.hidden.png", png(10, 10, 6));
    write("photos/2024-05-01/notes.txt", "not an image".getBytes());
    ImageFolderDataset ds = new ImageFolderDataset("photos", dir.resolve("photos"), NONE);
    assertFalse(ds.labeled());
    assertEquals(List.of("2024-05-01/x/a.png", "2024-05-01/z.png", "2024-05-02/b.png", "top.png"),
        List.of(ds.id(0), ds.id(1), ds.id(2), ds.id(3)), "relative paths, '/'-separated, in path order; hidden left out");
    assertEquals(4, ds.size());
    assertEquals(-1, ds.label(2));
    assertEquals(dir.resolve("photos/2024-05-02/b.png"), ds.file(2));

    write("albums/x/a.png", png(10, 10, 2));
    write("albums/y/deeper/b.png", png(10, 10, 2));
    ImageFolderDataset byFolders = new ImageFolderDataset("albums", dir.resolve("albums"),
        DatasetOptions.DEFAULTS.withImageSize(8));
    assertTrue(byFolders.labeled(), "the default reads sub-folders as classes");
    assertEquals(List.of("x", "y"), byFolders.classNames());
    assertEquals("y/deeper/b.png", byFolders.id(1));
  }

  @Test
  void classFoldersWithLooseImagesBesideThemAreRefused() throws Exception {
    write("cats/a.png", png(8, 8, 1));
    write("dogs/b.png", png(8, 8, 2));
    write("stray.png", png(8, 8, 3));
    UserException e = assertThrows(UserException.class,
        () -> new ImageFolderDataset("f", dir, DatasetOptions.DEFAULTS.withImageSize(8)));
    assertTrue(e.getMessage().contains("1 image file beside its class folders") && e.getMessage().contains("--labels none"),
        e.getMessage());
    assertEquals(3, new ImageFolderDataset("f", dir, NONE).size(), "--labels none reads all three");
  }

  @Test
  void filesWhoseHeadersDoNotReadStopTheIndexOrAreLeftOut() throws Exception {
    write("a.png", png(8, 8, 1));
    write("empty.jpg", new byte[0]);
    write("page.jpg", "<html>not an image</html>".getBytes());
    write("c.png", png(8, 8, 2));
    UserException stop = assertThrows(UserException.class, () -> new ImageFolderDataset("f", dir, NONE));
    assertTrue(stop.getMessage().contains("empty.jpg") && stop.getMessage().contains("--on-bad-image skip"), stop.getMessage());

    ImageFolderDataset skip = new ImageFolderDataset("f", dir, NONE.withOnBadImage(BadImages.SKIP));
    assertEquals(List.of("a.png", "c.png"), List.of(skip.id(0), skip.id(1)));
    assertEquals(List.of(new SkippedImage("empty.jpg", "the file is empty"),
        new SkippedImage("page.jpg", "no image reader recognises its content")), skip.skipped());
  }

  @Test
  void imagesWhosePixelsDoNotDecodeAreFoundByDecodingEveryImageFirst() throws Exception {
    byte[] whole = png(40, 30, 9);
    write("cats/a.png", png(8, 8, 1));
    write("cats/cut.png", Arrays.copyOf(whole, whole.length / 2)); // its header reads, its pixels do not
    write("cats/z.png", png(8, 8, 2));
    write("dogs/b.png", png(8, 8, 3));
    DatasetOptions labelled = DatasetOptions.DEFAULTS.withImageSize(8).withChannels(3);

    ImageFolderDataset stopping = new ImageFolderDataset("f", dir, labelled);
    assertEquals(4, stopping.size(), "the index reads headers only");
    UnreadableImage late = assertThrows(UnreadableImage.class, () -> stopping.image(1));
    assertTrue(late.getMessage().contains("cut.png"), late.getMessage());
    UserException stop = assertThrows(UserException.class, () -> stopping.verified(2));
    assertTrue(stop.getMessage().contains("cats/cut.png") && stop.getMessage().contains("--on-bad-image skip"),
        stop.getMessage());

    ImageFolderDataset all = new ImageFolderDataset("f", dir, labelled.withOnBadImage(BadImages.SKIP));
    ImageFolderDataset checked = all.verified(2);
    assertEquals(List.of("cats/a.png", "cats/z.png", "dogs/b.png"), List.of(checked.id(0), checked.id(1), checked.id(2)));
    assertArrayEquals(new int[] {0, 0, 1}, new int[] {checked.label(0), checked.label(1), checked.label(2)});
    assertEquals(1, checked.skipped().size());
    assertEquals("cats/cut.png", checked.skipped().get(0).id());
    assertArrayEquals(all.image(3), checked.image(2), "the same pixels for the same file");
    assertTrue(checked == checked.verified(2), "decoded once");
  }

  @Test
  void decodedImagesAreKeptOnlyWhenAskedFor() throws Exception {
    Path f = write("a.png", png(8, 8, 1));
    write("b.png", png(8, 8, 2));
    ImageFolderDataset kept = new ImageFolderDataset("f", dir, NONE);
    ImageFolderDataset streamed = new ImageFolderDataset("f", dir, NONE.withKeepDecoded(false));
    float[] before = kept.image(0);
    assertArrayEquals(before, streamed.image(0));
    Files.write(f, png(8, 8, 77));
    assertArrayEquals(before, kept.image(0), "kept: the first decoding is read again");
    assertNotEquals(Arrays.toString(before), Arrays.toString(streamed.image(0)), "not kept: decoded from the file each time");
  }

  @Test
  void aCmykJpegReadsInItsColours() throws Exception {
    // red left half, blue right half, saved as CMYK (as print and some camera software export)
    try (var in = OwnImageFoldersTest.class.getResourceAsStream("/images/cmyk.jpg")) {
      write("cmyk.jpg", in.readAllBytes());
    }
    float[] img = new ImageFolderDataset("f", dir, DatasetOptions.DEFAULTS.withChannels(3)).image(0);
    int plane = 12 * 16;
    int left = 5 * 16 + 2;
    int right = 5 * 16 + 13;
    assertEquals(1f, img[left], 0.1f);
    assertEquals(0f, img[2 * plane + left], 0.1f);
    assertEquals(0f, img[right], 0.1f);
    assertEquals(1f, img[2 * plane + right], 0.1f);
  }

  @Test
  void unknownLabelAndBadImageValuesAreOneSentence() {
    IllegalArgumentException l = assertThrows(IllegalArgumentException.class, () -> FolderLabels.parse("dirs"));
    assertTrue(l.getMessage().startsWith("--labels must be folders"), l.getMessage());
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> BadImages.parse("ignore"));
    assertTrue(b.getMessage().startsWith("--on-bad-image must be stop or skip"), b.getMessage());
  }
}
