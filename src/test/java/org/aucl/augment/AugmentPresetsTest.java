package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentPresetsTest {

  @Test
  void everyPresetWorksForOneAndThreeChannelsAndAnyOutputSize() {
    for (String name : AugmentPresets.names()) {
      for (int c : new int[] {1, 3}) {
        ImageShape in = new ImageShape(c, 28, 28);
        for (int size : new int[] {0, 32, 20}) {
          Augmentation a = AugmentPresets.create(name, in, size);
          int side = size == 0 ? 28 : size;
          assertEquals(new ImageShape(c, side, side), a.output());
          float[] img = Images.random(in, 1);
          for (ViewTransform t : List.of(a.view1(), a.view2(), a.eval())) {
            float[] out = Images.apply(t, img, in, 3);
            assertEquals(c * side * side, out.length);
            for (float v : out) {
              assertTrue(Float.isFinite(v));
            }
          }
        }
      }
    }
  }

  @Test
  void cifarPresetIsTheAuthorsRecipe() {
    AugmentConfig c = AugmentPresets.config("cifar");
    assertEquals(0.08, c.scaleMin());
    assertEquals(1.0, c.scaleMax());
    assertEquals(0.5, c.flipP());
    assertEquals(0.4, c.brightness());
    assertEquals(0.4, c.contrast());
    assertEquals(0.4, c.saturation());
    assertEquals(0.1, c.hue());
    assertEquals(0.8, c.jitterP());
    assertEquals(0.2, c.grayP());
    assertEquals(0.0, c.blurP1());
    assertArrayEquals(new float[] {0.4914f, 0.4822f, 0.4465f}, c.mean());
    assertArrayEquals(new float[] {0.2470f, 0.2435f, 0.2616f}, c.std());
  }

  @Test
  void imagenetViewsAreAsymmetricAsInByol() {
    Augmentation a = AugmentPresets.create("imagenet", new ImageShape(3, 32, 32), 0);
    assertNotEquals(a.view1().toString(), a.view2().toString());
    assertTrue(a.view1().toString().contains("GaussianBlur(kernel=3"));
    assertTrue(a.view2().toString().contains("Solarize"));
    assertTrue(!a.view1().toString().contains("Solarize"));
  }

  @Test
  void knobsCanBeChangedAndImpossibleOnesAreRejected() {
    AugmentConfig c = AugmentPresets.config("fashion-mnist").toBuilder().optScale(0.5, 1.0).optFlip(0).build();
    assertEquals(0.5, c.scaleMin());
    assertTrue(!c.view(0, new ImageShape(1, 28, 28)).toString().contains("Flip"));
    assertThrows(IllegalArgumentException.class, () -> AugmentPresets.config("nope"));
    assertThrows(IllegalArgumentException.class, () -> c.toBuilder().optScale(0.5, 2.0).build());
    assertThrows(IllegalArgumentException.class, () -> c.toBuilder().optBlur(4, 0.1, 2, 1, 1).build());
    assertThrows(IllegalArgumentException.class, () -> c.toBuilder().optOutputSize(-1).build());
  }

  @Test
  void pipelineNeverWritesItsSourceAndIsDeterministic() {
    ImageShape in = new ImageShape(3, 16, 16);
    Augmentation a = AugmentPresets.create("imagenet", in, 12);
    float[] img = Images.random(in, 2);
    float[] copy = img.clone();
    float[] x = new float[a.output().size()];
    float[] y = new float[a.output().size()];
    a.view2().apply(img, in, x, new SplittableRandom(5), new Scratch());
    assertArrayEquals(copy, img);
    a.view2().apply(img, in, y, new SplittableRandom(5), new Scratch());
    assertArrayEquals(x, y);
  }
}
