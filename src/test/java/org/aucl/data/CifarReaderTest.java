package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
  @TempDir Path dir;

  private static void checkPixels(ImageDataset ds, int n) {
    float[] img = new float[3 * 32 * 32];
    for (int i = 0; i < n; i++) {
      ds.image(i, img);
      for (int k = 0; k < img.length; k++) {
        assertEquals(TestFiles.pixel(i, k) / 255f, img[k], 1e-7f);
      }
    }
  }

  @Test
  void cifar10BatchesAreConcatenatedInOrder() throws Exception {
    Path b1 = dir.resolve("data_batch_1.bin");
    Path b2 = dir.resolve("data_batch_2.bin");
    Files.write(b1, TestFiles.cifarBatch(3, 1, 0));
    Files.write(b2, TestFiles.cifarBatch(4, 1, 3));
    ImageDataset ds = CifarReader.read("c", CifarReader.Variant.CIFAR10, List.of(b1, b2), ClassNames.CIFAR10);
    assertEquals(7, ds.size());
    assertEquals(3, ds.channels());
    assertEquals(32, ds.height());
    checkPixels(ds, 7);
    for (int i = 0; i < 7; i++) {
      assertEquals(i % 10, ds.label(i));
    }
  }

  @Test
  void cifar100FineByDefaultCoarseAsOption() throws Exception {
    Path dataDir = dir.resolve("data");
    Path d = dataDir.resolve("cifar100").resolve("cifar-100-binary");
    Files.createDirectories(d);
    Files.write(d.resolve("train.bin"), TestFiles.cifarBatch(5, 2, 0));
    Files.write(d.resolve("test.bin"), TestFiles.cifarBatch(2, 2, 0));
    ImageDataset fine = Datasets.open("cifar100", "train", dataDir);
    ImageDataset coarse = Datasets.open("cifar100", "train", dataDir, DatasetOptions.DEFAULTS.withCoarseLabels(true));
    ImageDataset alias = Datasets.open("cifar100-coarse", "train", dataDir);
    assertEquals(100, fine.classNames().size());
    assertEquals(20, coarse.classNames().size());
    assertEquals(ClassNames.CIFAR100_COARSE, alias.classNames());
    for (int i = 0; i < 5; i++) {
      assertEquals((i * 7) % 100, fine.label(i));
      assertEquals((i * 3) % 20, coarse.label(i));
      assertEquals((i * 3) % 20, alias.label(i));
    }
    checkPixels(fine, 5);
    checkPixels(coarse, 5);
  }

  @Test
  void classNamesComeFromMetaFileWhenPresent() throws Exception {
    Path dataDir = dir.resolve("data");
    Path d = dataDir.resolve("cifar10").resolve("cifar-10-batches-bin");
    Files.createDirectories(d);
    for (int b = 1; b <= 5; b++) {
      Files.write(d.resolve("data_batch_" + b + ".bin"), TestFiles.cifarBatch(2, 1, 2 * (b - 1)));
    }
    Files.write(d.resolve("test_batch.bin"), TestFiles.cifarBatch(3, 1, 0));
    List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    Files.writeString(d.resolve("batches.meta.txt"), String.join("\n", names) + "\n\n");
    ImageDataset train = Datasets.open("cifar10", "train", dataDir);
    assertEquals(10, train.size());
    assertEquals(names, train.classNames());
    checkPixels(train, 10);
    assertEquals(3, Datasets.open("cifar10", "test", dataDir).size());
  }

  @Test
  void sizeNotAMultipleOfTheRecordIsReported() throws Exception {
    Path b = dir.resolve("data_batch_1.bin");
    byte[] data = TestFiles.cifarBatch(3, 1, 0);
    Files.write(b, Arrays.copyOf(data, data.length - 5));
    UserException e = assertThrows(UserException.class,
        () -> CifarReader.read("c", CifarReader.Variant.CIFAR10, List.of(b), ClassNames.CIFAR10));
    assertTrue(e.getMessage().contains(b.toString()) && e.getMessage().contains("3073"), e.getMessage());
  }

  @Test
  void labelOutOfRangeIsReported() throws Exception {
    Path b = dir.resolve("data_batch_1.bin");
    byte[] data = TestFiles.cifarBatch(3, 1, 0);
    data[3073] = 10;
    Files.write(b, data);
    UserException e = assertThrows(UserException.class,
        () -> CifarReader.read("c", CifarReader.Variant.CIFAR10, List.of(b), ClassNames.CIFAR10));
    assertTrue(e.getMessage().contains("label 10 in record 1"), e.getMessage());
  }
}
