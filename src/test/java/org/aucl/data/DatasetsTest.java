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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir Path tmp;

  @Test
  void dataDirComesBeforeSystemDir() throws Exception {
    Path dataDir = tmp.resolve("data");
    Path system = tmp.resolve("system");
    TestFiles.writeIdxSet(system.resolve("mnist"), 3, true);
    DatasetSource fromSystem = Datasets.locate("mnist", dataDir, DatasetOptions.DEFAULTS, List.of(system));
    assertEquals(system.resolve("mnist").toString(), fromSystem.location());
    assertEquals(3, fromSystem.open("train").size());

    TestFiles.writeIdxSet(dataDir.resolve("mnist"), 5, false);
    DatasetSource fromData = Datasets.locate("mnist", dataDir, DatasetOptions.DEFAULTS, List.of(system));
    assertEquals(dataDir.resolve("mnist").toString(), fromData.location());
    assertEquals(5, fromData.open("test").size());
    assertEquals("mnist/test", fromData.open("test").name());
  }

  @Test
  void emptyDataDirFolderFallsThroughToSystem() throws Exception {
    Path dataDir = tmp.resolve("data");
    Files.createDirectories(dataDir.resolve("fashion-mnist"));
    Path system = tmp.resolve("system");
    TestFiles.writeIdxSet(system.resolve("fashion-mnist"), 2, true);
    ImageDataset ds = Datasets.locate("fashion-mnist", dataDir, DatasetOptions.DEFAULTS, List.of(system)).open("train");
    assertEquals(ClassNames.FASHION_MNIST, ds.classNames());
  }

  @Test
  void torchvisionRawLayoutIsFound() throws Exception {
    Path dataDir = tmp.resolve("data");
    TestFiles.writeIdxSet(dataDir.resolve("fashion-mnist").resolve("FashionMNIST").resolve("raw"), 4, false);
    assertEquals(4, Datasets.locate("fashion-mnist", dataDir, DatasetOptions.DEFAULTS, List.of()).open("train").size());
  }

  @Test
  void missingNamedDatasetSaysWhereItLookedAndWhatToDo() {
    Path dataDir = tmp.resolve("data");
    UserException e = assertThrows(UserException.class,
        () -> Datasets.locate("cifar10", dataDir, DatasetOptions.DEFAULTS, List.of(tmp.resolve("sys"))));
    assertTrue(e.getMessage().contains(dataDir.resolve("cifar10").toString())
        && e.getMessage().contains("data fetch cifar10"), e.getMessage());
  }

  @Test
  void unknownNameIsAUserError() {
    UserException e = assertThrows(UserException.class, () -> Datasets.open("imagenet-9000", "train", tmp));
    assertTrue(e.getMessage().contains("imagenet-9000") && e.getMessage().contains("Unknown dataset"), e.getMessage());
  }

  @Test
  void missingSplitIsAUserError() throws Exception {
    Path d = tmp.resolve("data").resolve("cifar10");
    Files.createDirectories(d);
    Files.write(d.resolve("test_batch.bin"), TestFiles.cifarBatch(2, 1, 0));
    UserException e = assertThrows(UserException.class, () -> Datasets.open("cifar10", "train", tmp.resolve("data")));
    assertTrue(e.getMessage().contains("no split 'train'"), e.getMessage());
  }

  @Test
  void pathsAreDetectedByContent() throws Exception {
    // An IDX images file under an arbitrary name finds its labels by the official naming.
    Path idxDir = tmp.resolve("idx");
    TestFiles.writeIdxSet(idxDir, 3, true);
    Path images = idxDir.resolve("train-images-idx3-ubyte.gz");
    ImageDataset idx = Datasets.open(images.toString(), "train", tmp);
    assertEquals("IDX", Datasets.locate(images.toString(), tmp, DatasetOptions.DEFAULTS).format());
    assertEquals(2, idx.label(2));
    // The directory itself is an IDX layout with two splits.
    assertEquals(List.of("train", "test"), Datasets.locate(idxDir.toString(), tmp, DatasetOptions.DEFAULTS).splits());

    Path cifar = tmp.resolve("batch.bin");
    Files.write(cifar, TestFiles.cifarBatch(4, 1, 0));
    assertEquals("CIFAR-10 binary", Datasets.locate(cifar.toString(), tmp, DatasetOptions.DEFAULTS).format());
    Path cifar100 = tmp.resolve("c100.bin");
    Files.write(cifar100, TestFiles.cifarBatch(4, 2, 0));
    assertEquals(100, Datasets.open(cifar100.toString(), "train", tmp).classNames().size());

    Path stl = tmp.resolve("stl").resolve("test_X.bin");
    Files.createDirectories(stl.getParent());
    Files.write(stl, TestFiles.stlImages(2));
    Files.write(stl.resolveSibling("test_y.bin"), TestFiles.stlLabels(2));
    ImageDataset s = Datasets.open(stl.toString(), "whatever", tmp);
    assertEquals(1, s.label(1));

    Path folder = tmp.resolve("folder");
    for (String split : List.of("train", "test")) {
      for (String cls : List.of("cat", "dog")) {
        Path f = folder.resolve(split).resolve(cls).resolve("x.png");
        Files.createDirectories(f.getParent());
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
      }
    }
    DatasetSource src = Datasets.locate(folder.toString(), tmp, DatasetOptions.DEFAULTS.withShortSide(4));
    assertEquals(List.of("test", "train"), src.splits());
    ImageDataset train = src.open("train");
    assertEquals(List.of("cat", "dog"), train.classNames());
    assertEquals(4, train.height());
  }

  @Test
  void undetectableFileAndEmptyFolderAreUserErrors() throws Exception {
    Path junk = tmp.resolve("junk.dat");
    Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7});
    UserException e = assertThrows(UserException.class, () -> Datasets.open(junk.toString(), "train", tmp));
    assertTrue(e.getMessage().contains(junk.toString()) && e.getMessage().contains("format"), e.getMessage());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    UserException e2 = assertThrows(UserException.class, () -> Datasets.open(empty.toString(), "train", tmp));
    assertTrue(e2.getMessage().contains(empty.toString()) && e2.getMessage().contains("empty"), e2.getMessage());
  }

  @Test
  void syntheticSpecSetsSizesAndTestDiffersFromTrain() {
    DatasetSource src = Datasets.locate("synthetic:n=50,size=16,channels=1,classes=4,seed=3", tmp, DatasetOptions.DEFAULTS);
    ImageDataset train = src.open("train");
    ImageDataset test = src.open("test");
    assertEquals(50, train.size());
    assertEquals(10, test.size());
    assertEquals(1, train.channels());
    assertEquals(16, train.height());
    assertEquals(4, train.classNames().size());
    assertTrue(!java.util.Arrays.equals(train.image(0), test.image(0)));
    assertThrows(IllegalArgumentException.class, () -> Datasets.open("synthetic:bogus=1", "train", tmp));
  }

  @Test
  void debianFashionMnistIfInstalled() {
    Path debian = Datasets.SYSTEM_DIR.resolve("fashion-mnist");
    Assumptions.assumeTrue(Files.isDirectory(debian), "Debian's dataset-fashion-mnist is not installed");
    ImageDataset test = Datasets.open("fashion-mnist", "test", tmp.resolve("empty-data-dir"));
    assertEquals(10_000, test.size());
    assertEquals(28, test.height());
    assertEquals("Ankle boot", test.classNames().get(9));
    int[] counts = new int[10];
    for (int i = 0; i < test.size(); i++) {
      counts[test.label(i)]++;
    }
    for (int c : counts) {
      assertEquals(1000, c);
    }
    float[] img = test.image(0);
    float max = 0;
    for (float v : img) {
      max = Math.max(max, v);
    }
    assertTrue(max > 0.5f && max <= 1f);
  }
}
