package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.aucl.augment.AugmentPresets;
import org.aucl.augment.ImageShape;
import org.aucl.augment.ViewPipeline;
import org.aucl.data.SyntheticDataset;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  // 300 images: one full batch of 256 and a partial one
  private static final SyntheticDataset DATA = new SyntheticDataset("syn", 300, 16, 1, 4, 5);

  private static ViewPipeline evalTransform() {
    return AugmentPresets.config("fashion-mnist").eval(new ImageShape(1, 16, 16));
  }

  @Test
  void encoderFeaturesAreThoseOfEachImageAloneUnitLengthInDatasetOrder() {
    ViewPipeline eval = evalTransform();
    try (ContrastiveNet net = ContrastiveNet.create(new NetConfig("resnet18", "cifar", 1, 0.25, 32, 16, 16), 3)) {
      Features f = FeatureExtractor.extract(net, DATA, eval, FeatureHead.ENCODER);
      assertEquals(300, f.n());
      assertEquals(net.featureDim(), f.dim());
      for (int i : new int[] {0, 255, 256, 299}) {
        assertEquals(DATA.label(i), f.labels()[i]);
        float[] img = new float[DATA.channels() * 16 * 16];
        DATA.image(i, img);
        eval.apply(img, new ImageShape(1, 16, 16), img, new java.util.SplittableRandom(0), new org.aucl.augment.Scratch());
        try (NDManager m = net.manager().newSubManager()) {
          float[] alone = net.features(m.create(img, new Shape(1, 1, 16, 16)), false).toFloatArray();
          float[] row = java.util.Arrays.copyOfRange(f.data(), i * f.dim(), (i + 1) * f.dim());
          assertArrayEquals(alone, row, 1e-4f, "image " + i);
          double norm = 0;
          for (float v : row) {
            norm += v * v;
          }
          assertEquals(1.0, norm, 1e-4);
        }
      }
      Features p = FeatureExtractor.extract(net, DATA, eval, FeatureHead.PROJECTOR);
      assertEquals(16, p.dim(), "the projector head gives projections");
    }
  }

  @Test
  void extractionMakesNoLastingArrays() {
    try (ContrastiveNet net = ContrastiveNet.create(new NetConfig("resnet18", "cifar", 1, 0.25, 32, 16, 16), 3)) {
      FeatureExtractor.extract(net, DATA, evalTransform(), FeatureHead.ENCODER);
      int before = net.manager().getManagedArrays().size();
      FeatureExtractor.extract(net, DATA, evalTransform(), FeatureHead.ENCODER);
      assertEquals(before, net.manager().getManagedArrays().size());
    }
  }

  @Test
  void aPlainFunctionSeesEveryImageOnceInOrder() {
    try (NDManager m = NDManager.newBaseManager()) {
      // feature = the image's mean pixel, so row i is known without a network
      FeatureFunction mean = images -> images.reshape(images.getShape().get(0), -1).mean(new int[] {1}).reshape(-1, 1);
      ViewPipeline identity = new ViewPipeline(java.util.List.of());
      Features f = FeatureExtractor.extract(m, new org.aucl.augment.EvalLoader(DATA, identity, 64), 300, mean);
      for (int i = 0; i < 300; i += 37) {
        double sum = 0;
        for (float v : DATA.image(i)) {
          sum += v;
        }
        assertEquals(sum / (16 * 16), f.data()[i], 1e-5);
      }
      assertEquals(0, m.getManagedArrays().size(), "batch arrays are closed with their batch");
    }
  }
}
