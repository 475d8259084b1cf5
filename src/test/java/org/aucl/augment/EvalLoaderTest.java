package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.aucl.data.ImageDataset;
import org.junit.jupiter.api.Test;

class EvalLoaderTest {

  @Test
  void coversEveryImageInOrderWithOnlyTheEvalTransform() {
    ImageDataset data = TinyDataset.of(23, 1, 5, 5);
    Augmentation aug = AugmentPresets.create("fashion-mnist", new ImageShape(1, 5, 5), 0);
    EvalLoader loader = new EvalLoader(data, aug.eval(), 10);
    assertEquals(3, loader.batchCount());
    List<Batch> batches = new ArrayList<>();
    loader.forEach(batches::add);
    assertEquals(List.of(10, 10, 3), batches.stream().map(Batch::size).toList());
    int i = 0;
    for (Batch b : batches) {
      assertEquals(b.size() * 25, b.images().length);
      for (int q = 0; q < b.size(); q++, i++) {
        assertEquals(i, b.indices()[q]);
        assertEquals(i % 3, b.labels()[q]);
        float[] img = data.image(i);
        for (int k = 0; k < 25; k++) {
          assertEquals((img[k] - 0.2860f) / 0.3530f, b.images()[q * 25 + k]);
        }
      }
    }
    assertEquals(23, i);
  }

  @Test
  void resizesToTheOutputSize() {
    ImageDataset data = TinyDataset.of(4, 3, 28, 28);
    Augmentation aug = AugmentPresets.create("cifar", new ImageShape(3, 28, 28), 32);
    Batch b = new EvalLoader(data, aug.eval(), 8).iterator().next();
    assertEquals(4, b.size());
    assertEquals(4 * 3 * 32 * 32, b.images().length);
    assertEquals(32, b.height());
  }
}
