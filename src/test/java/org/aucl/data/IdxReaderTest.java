package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private void checkContent(ImageDataset ds, int n) {
    assertEquals(n, ds.size());
    assertEquals(1, ds.channels());
    assertEquals(28, ds.height());
    assertEquals(28, ds.width());
    float[] img = new float[28 * 28];
    for (int i = 0; i < n; i++) {
      ds.image(i, img);
      for (int k = 0; k < img.length; k++) {
        assertEquals(TestFiles.pixel(i, k) / 255f, img[k], 1e-7f, "image " + i + " pixel " + k);
      }
      assertEquals(i % 10, ds.label(i));
    }
  }

  @Test
  void readsRawAndGzippedFilesAlike() throws Exception {
    TestFiles.writeIdxSet(dir.resolve("raw"), 7, false);
    TestFiles.writeIdxSet(dir.resolve("gz"), 7, true);
    for (String sub : new String[] {"raw", "gz"}) {
      String ext = sub.equals("gz") ? ".gz" : "";
      Path d = dir.resolve(sub);
      ImageDataset ds = IdxReader.read("t", d.resolve("train-images-idx3-ubyte" + ext),
          d.resolve("train-labels-idx1-ubyte" + ext), ClassNames.MNIST);
      checkContent(ds, 7);
      assertEquals(ClassNames.MNIST, ds.classNames());
    }
  }

  @Test
  void withoutLabelsFileIsUnlabeled() throws Exception {
    Path images = dir.resolve("x-images-idx3-ubyte");
    Files.write(images, TestFiles.idxImages(3, 28, 28));
    ImageDataset ds = IdxReader.read("u", images, null, ClassNames.MNIST);
    assertEquals(-1, ds.label(2));
    assertTrue(ds.classNames().isEmpty());
  }

  @Test
  void wrongMagicNamesFileAndMagic() throws Exception {
    Path images = dir.resolve("bad");
    byte[] b = TestFiles.idxImages(2, 28, 28);
    b[3] = 0x01;
    Files.write(images, b);
    UserException e = assertThrows(UserException.class, () -> IdxReader.read("t", images, null, ClassNames.MNIST));
    assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("magic number"), e.getMessage());
  }

  @Test
  void truncatedImagesFileIsReported() throws Exception {
    Path images = dir.resolve("trunc-images-idx3-ubyte");
    byte[] b = TestFiles.idxImages(5, 28, 28);
    Files.write(images, Arrays.copyOf(b, b.length - 100));
    UserException e = assertThrows(UserException.class, () -> IdxReader.read("t", images, null, ClassNames.MNIST));
    assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void truncatedGzipIsReported() throws Exception {
    Path images = dir.resolve("trunc-images-idx3-ubyte.gz");
    byte[] gz = TestFiles.gzip(TestFiles.idxImages(50, 28, 28));
    Files.write(images, Arrays.copyOf(gz, gz.length / 2));
    UserException e = assertThrows(UserException.class, () -> IdxReader.read("t", images, null, ClassNames.MNIST));
    assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void imageAndLabelCountsMustAgree() throws Exception {
    Path images = dir.resolve("a-images-idx3-ubyte");
    Path labels = dir.resolve("a-labels-idx1-ubyte");
    Files.write(images, TestFiles.idxImages(5, 28, 28));
    Files.write(labels, TestFiles.idxLabels(4, 10));
    UserException e = assertThrows(UserException.class, () -> IdxReader.read("t", images, labels, ClassNames.MNIST));
    assertTrue(e.getMessage().contains(labels.toString()) && e.getMessage().contains("4 labels")
        && e.getMessage().contains("5 images"), e.getMessage());
  }

  @Test
  void labelOutsideClassesIsReported() throws Exception {
    Path images = dir.resolve("a-images-idx3-ubyte");
    Path labels = dir.resolve("a-labels-idx1-ubyte");
    Files.write(images, TestFiles.idxImages(3, 28, 28));
    byte[] lab = TestFiles.idxLabels(3, 10);
    lab[9] = 12;
    Files.write(labels, lab);
    UserException e = assertThrows(UserException.class, () -> IdxReader.read("t", images, labels, ClassNames.MNIST));
    assertTrue(e.getMessage().contains("label 12"), e.getMessage());
  }

  @Test
  void missingFileIsReported() {
    Path images = dir.resolve("nope");
    UserException e = assertThrows(UserException.class, () -> IdxReader.read("t", images, null, ClassNames.MNIST));
    assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
  }
}
