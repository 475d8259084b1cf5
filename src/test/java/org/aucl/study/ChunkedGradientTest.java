package org.aucl.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.aucl.augment.ImageShape;
import org.aucl.loss.AucClObjective;
import org.aucl.loss.AucClSettings;
import org.aucl.loss.ContrastiveObjective;
import org.aucl.loss.Objectives;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.junit.jupiter.api.Test;

/** The chunked (GradCache) gradient against one forward and backward over all views, and the study's sanity case. */
class ChunkedGradientTest {
  private static final ImageShape SHAPE = new ImageShape(1, 16, 16);
  private static final NetConfig NET = new NetConfig("resnet18", "cifar", 1, 0.25, 32, 16, 16);

  private static FixedViews randomViews(int pool, long seed) {
    Random rng = new Random(seed);
    float[] images = new float[2 * pool * SHAPE.size()];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) rng.nextGaussian();
    }
    return FixedViews.of(images, pool, SHAPE);
  }

  /** The naive reference: all 2N views in one forward pass (BatchNorm in evaluation mode), the loss, one backward. */
  private static double[] oneShot(ContrastiveNet net, FixedViews views, PairLoss loss) {
    try (NDManager step = net.manager().newSubManager()) {
      int n = views.pool();
      NDArray x = step.create(views.images(), new ai.djl.ndarray.types.Shape(2L * n, 1, 16, 16));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDList halves = net.forward(x, false).get(1).split(2, 0);
        gc.backward(loss.of(halves.get(0), halves.get(1)));
      }
      return ChunkedGradient.readAndZero(net.parameters().values());
    }
  }

  private static double[] chunked(ContrastiveNet net, FixedViews views, PairLoss loss, int chunk) {
    ChunkedGradient grad = new ChunkedGradient(net, views, chunk);
    float[] z = grad.projections();
    int n = views.pool();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    double[] c = new double[2 * n * grad.dim()];
    try (NDManager m = NDManager.newBaseManager()) {
      new EmbeddingGradient(m, z, n, grad.dim()).accumulate(loss, all, 1.0, c);
    }
    return grad.backward(c);
  }

  private static double relativeDistance(double[] a, double[] b) {
    return GradientBiasStudy.distance(a, b) / Math.sqrt(GradientBiasStudy.dot(b, b));
  }

  @Test
  void chunkedGradientEqualsTheOneShotGradient() {
    FixedViews views = randomViews(12, 3);
    AucClSettings d = AucClSettings.defaults();
    AucClSettings fixed = d.toBuilder().optA(d.a(), false).optB(0.1, false).optAlpha(0.5, false, 0).build();
    try (ContrastiveNet net = ContrastiveNet.create(NET, 5);
        ContrastiveObjective simclr = Objectives.create("simclr");
        AucClObjective auc = new AucClObjective(fixed)) {
      for (PairLoss loss : List.of(PairLoss.of(simclr), PairLoss.of(auc))) {
        double[] reference = oneShot(net, views, loss);
        for (int chunk : new int[] {1, 5, 24}) { // one view at a time, chunks that split the views, all in one
          double[] g = chunked(net, views, loss, chunk);
          assertEquals(reference.length, g.length);
          double maxRef = 0;
          double maxDiff = 0;
          for (int i = 0; i < g.length; i++) {
            maxRef = Math.max(maxRef, Math.abs(reference[i]));
            maxDiff = Math.max(maxDiff, Math.abs(g[i] - reference[i]));
          }
          assertTrue(maxRef > 0, "the reference gradient is zero");
          assertTrue(maxDiff <= 1e-5 * maxRef, "chunk " + chunk + ": max difference " + maxDiff + " of " + maxRef);
          assertTrue(relativeDistance(g, reference) < 1e-5, "chunk " + chunk + ": " + relativeDistance(g, reference));
        }
      }
    }
  }

  /**
   * A loss that is a plain mean over independent pairs: over mini-batches that partition the pool (one
   * permutation, B dividing N), the mean of the mini-batch gradients is the full-pool gradient exactly.
   */
  @Test
  void meanOfMiniBatchGradientsOfAPairwiseMeanIsTheFullGradient() {
    FixedViews views = randomViews(16, 4);
    PairLoss pairwise = (z1, z2) -> z1.sub(z2).square().sum(new int[] {1}).add(z1.mul(z2).sum(new int[] {1}).exp()).mean();
    try (ContrastiveNet net = ContrastiveNet.create(NET, 6); NDManager m = NDManager.newBaseManager()) {
      for (int b : new int[] {2, 4, 8}) {
        GradientBiasStudy.Settings s = new GradientBiasStudy.Settings(List.of(b), 16 / b, 2, 9);
        List<GradientBiasStudy.Row> rows = GradientBiasStudy.run(new ChunkedGradient(net, views, 7), 16,
            List.of(new GradientBiasStudy.NamedLoss("pairwise", "a mean over pairs", pairwise)), s, m, line -> {});
        GradientBiasStudy.Row r = rows.get(0);
        assertEquals(1.0, r.cosine()[0], 1e-9, "B = " + b);
        assertTrue(r.relativeDifference()[0] < 1e-5, "B = " + b + ": " + r.relativeDifference()[0]);
        assertEquals(r.fullLoss(), r.meanBatchLoss(), 1e-5 * Math.abs(r.fullLoss()));
      }
    }
  }

  @Test
  void studentQuantilesMatchTables() {
    assertEquals(12.706, StudentT.quantile975(1), 1e-3);
    assertEquals(2.776, StudentT.quantile975(4), 1e-3);
    assertEquals(2.0395, StudentT.quantile975(31), 2e-4);
    assertEquals(1.984, StudentT.quantile975(100), 1e-3);
    double[] iv = StudentT.interval(new double[] {1, 2, 3});
    assertEquals(2.0, iv[0], 1e-12);
    assertEquals(4.303 * 1.0 / Math.sqrt(3), iv[1], 1e-9);
  }
}
