package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stl10ReaderTest {
  @TempDir Path dir;

  @Test
  void columnMajorPlanesAreTransposedToRowMajor() throws Exception {
    // One hand-made image: only pixel (c=1, y=2, x=5) is bright; on disk it sits at 1*9216 + 5*96 + 2.
    byte[] raw = new byte[Stl10Reader.IMAGE_BYTES];
    raw[9216 + 5 * 96 + 2] = (byte) 200;
    Path x = dir.resolve("one_X.bin");
    Files.write(x, raw);
    ImageDataset ds = Stl10Reader.read("s", x, null, ClassNames.STL10);
    float[] img = ds.image(0);
    assertEquals(200 / 255f, img[9216 + 2 * 96 + 5], 1e-7f, "pixel (1, y=2, x=5) in CHW row-major");
    assertEquals(0f, img[9216 + 5 * 96 + 2], "the untransposed position must be dark");
    assertEquals(-1, ds.label(0));
    assertFalse(ds.labeled());
  }

  @Test
  void splitsReadWithLabelsShiftedToZeroBased() throws Exception {
    Path dataDir = dir.resolve("data");
    Path d = dataDir.resolve("stl10").resolve("stl10_binary");
    Files.createDirectories(d);
    Files.write(d.resolve("train_X.bin"), TestFiles.stlImages(3));
    Files.write(d.resolve("train_y.bin"), TestFiles.stlLabels(3));
    Files.write(d.resolve("test_X.bin"), TestFiles.stlImages(2));
    Files.write(d.resolve("test_y.bin"), TestFiles.stlLabels(2));
    Files.write(d.resolve("unlabeled_X.bin"), TestFiles.stlImages(4));
    DatasetSource src = Datasets.locate("stl10", dataDir, DatasetOptions.DEFAULTS);
    assertEquals(List.of("train", "test", "unlabeled"), src.splits());
    ImageDataset train = src.open("train");
    assertEquals(3, train.size());
    assertEquals(96, train.height());
    assertEquals(ClassNames.STL10, train.classNames());
    float[] img = new float[3 * 96 * 96];
    for (int i = 0; i < 3; i++) {
      assertEquals(i % 10, train.label(i));
      train.image(i, img);
      for (int k = 0; k < img.length; k++) {
        assertEquals(TestFiles.pixel(i, k) / 255f, img[k], 1e-7f);
      }
    }
    ImageDataset unlabeled = src.open("unlabeled");
    assertEquals(4, unlabeled.size());
    assertEquals(-1, unlabeled.label(3));
    assertEquals(2, src.open("test").size());
  }

  @Test
  void labelCountMustMatchImageCount() throws Exception {
    Path x = dir.resolve("train_X.bin");
    Path y = dir.resolve("train_y.bin");
    Files.write(x, TestFiles.stlImages(3));
    Files.write(y, TestFiles.stlLabels(2));
    UserException e = assertThrows(UserException.class, () -> Stl10Reader.read("s", x, y, ClassNames.STL10));
    assertTrue(e.getMessage().contains(y.toString()) && e.getMessage().contains("2 labels"), e.getMessage());
  }

  @Test
  void truncatedImagesFileIsReported() throws Exception {
    Path x = dir.resolve("train_X.bin");
    Files.write(x, new byte[Stl10Reader.IMAGE_BYTES + 10]);
    UserException e = assertThrows(UserException.class, () -> Stl10Reader.read("s", x, null, ClassNames.STL10));
    assertTrue(e.getMessage().contains(x.toString()) && e.getMessage().contains("truncated"), e.getMessage());
  }
}
