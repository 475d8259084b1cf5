package org.aucl.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.SplittableRandom;
import org.aucl.data.AntialiasedReference;
import org.junit.jupiter.api.Test;

/** torchvision's Resize(s) + CenterCrop(s), against PIL (bench/resize_reference.py). */
class CenterCropTest {

  @Test
  void resizesTheShortSideAndCutsTheCentreAsTorchvision() throws IOException {
    ImageShape in = new ImageShape(3, 48, 64);
    CenterCrop crop = new CenterCrop(17);
    assertEquals(new ImageShape(3, 17, 17), crop.outputShape(in));
    float[] out = Images.apply(crop, AntialiasedReference.input(), in, 0);
    assertArrayEquals(AntialiasedReference.reference("centercrop-17", out.length), out, 1e-6f);
  }

  @Test
  void theResizeKeepsTheAspectRatioAsTorchvision() {
    // torchvision: the short side becomes s, the long one int(s * long / short)
    assertArrayEquals(new int[] {17, 22}, CenterCrop.resized(48, 64, 17));
    assertArrayEquals(new int[] {298, 224}, CenterCrop.resized(500, 375, 224));
    assertArrayEquals(new int[] {96, 128}, CenterCrop.resized(375, 500, 96));
  }

  @Test
  void anImageOfTheSizeIsCopied() {
    ImageShape in = new ImageShape(2, 5, 5);
    float[] img = Images.random(in, 3);
    assertArrayEquals(img, Images.apply(new CenterCrop(5), img, in, 0), 0f);
  }

  @Test
  void evaluationOfImagesOfTheirOwnShapesResizesTheShortSideAndCrops() {
    AugmentConfig cfg = AugmentPresets.config("imagenet").toBuilder().optOutputSize(16).build();
    ImageShape nominal = new ImageShape(3, 16, 16);
    ViewPipeline varying = cfg.eval(nominal, true);
    ViewPipeline square = cfg.eval(nominal);
    assertEquals(true, varying.toString().contains("CenterCrop"));
    assertEquals(false, square.toString().contains("CenterCrop"), "square images of the size: only normalised, as before");
    ImageShape portrait = new ImageShape(3, 40, 30);
    float[] out = new float[3 * 16 * 16];
    varying.apply(Images.random(portrait, 1), portrait, out, new SplittableRandom(0), new Scratch());
  }
}
