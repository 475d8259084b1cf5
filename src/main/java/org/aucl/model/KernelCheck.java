package org.aucl.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Random;

/**
 * Checks the engine's float32 convolution kernels against the same computation in float64, which
 * PyTorch runs through another implementation on the CPU (its reference im2col and matrix product;
 * oneDNN computes float32 only). One case is one convolution: forward, then backward of
 * {@code sum(output * R)} for a fixed random {@code R}, in each layout ({@link MemoryFormat}); each
 * result is compared with the float64 one as max |float32 - float64| / max |float64| (non-finite:
 * infinite). On a correct path the three errors are float rounding, about 1e-6 (docs/MODELS.md).
 */
public final class KernelCheck {
  /** Largest relative error a correct float32 path shows, with a margin: measured 1e-7 to 2e-6. */
  public static final double TOLERANCE = 1e-4;

  private KernelCheck() {}

  /** The errors of one layout's float32 path against float64. */
  public record PathErrors(MemoryFormat layout, double output, double inputGradient, double weightGradient) {
    /** True when every result a training step uses is within {@link #TOLERANCE}. */
    public boolean rightFor(ConvCase c) {
      return output <= TOLERANCE && weightGradient <= TOLERANCE && (!c.inputGradientUsed() || inputGradient <= TOLERANCE);
    }
  }

  /** Runs {@code c} in float64 and in float32 in both layouts, from inputs drawn from {@code seed}. */
  public static PathErrors[] compare(ConvCase c, long seed, NDManager parent) {
    Random r = new Random(seed);
    Shape xShape = new Shape(c.batch(), c.inChannels(), c.imageSize(), c.imageSize());
    Shape wShape = new Shape(c.outChannels(), c.inChannels(), c.kernel(), c.kernel());
    float[] x = gaussian(r, xShape.size(), 1);
    float[] w = gaussian(r, wShape.size(), Math.sqrt(2.0 / (c.inChannels() * c.kernel() * c.kernel())));
    int out = (c.imageSize() + 2 * c.padding() - c.kernel()) / c.stride() + 1;
    float[] weights = gaussian(r, (long) c.batch() * c.outChannels() * out * out, 1);
    double[][] reference = run(c, x, w, weights, DataType.FLOAT64, MemoryFormat.CONTIGUOUS, parent);
    MemoryFormat[] layouts = MemoryFormat.values();
    PathErrors[] errors = new PathErrors[layouts.length];
    for (int i = 0; i < layouts.length; i++) {
      double[][] got = run(c, x, w, weights, DataType.FLOAT32, layouts[i], parent);
      errors[i] = new PathErrors(layouts[i], relativeError(got[0], reference[0]), relativeError(got[1], reference[1]),
          relativeError(got[2], reference[2]));
    }
    return errors;
  }

  /** {output, input gradient, weight gradient} of one path, read back as doubles. */
  private static double[][] run(
      ConvCase c, float[] x, float[] w, float[] weights, DataType type, MemoryFormat layout, NDManager parent) {
    Shape xShape = new Shape(c.batch(), c.inChannels(), c.imageSize(), c.imageSize());
    Shape wShape = new Shape(c.outChannels(), c.inChannels(), c.kernel(), c.kernel());
    try (NDManager m = parent.newSubManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray input = m.create(x, xShape).toType(type, false);
      NDArray weight = m.create(w, wShape).toType(type, false);
      input.setRequiresGradient(true);
      weight.setRequiresGradient(true);
      NDArray laidOut = layout == MemoryFormat.CHANNELS_LAST ? ChannelsLast.of(input) : input;
      NDArray y = Conv2d.conv2d(laidOut, weight, null, new Shape(c.stride(), c.stride()), new Shape(c.padding(), c.padding()),
          new Shape(1, 1), 1).singletonOrThrow();
      NDArray r = m.create(weights, y.getShape()).toType(type, false);
      gc.backward(y.mul(r).sum());
      return new double[][] {doubles(y), doubles(input.getGradient()), doubles(weight.getGradient())};
    }
  }

  private static double[] doubles(NDArray a) {
    return a.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  /** max |got - reference| / max |reference|; infinite if any value of {@code got} is not finite. */
  static double relativeError(double[] got, double[] reference) {
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < reference.length; i++) {
      if (!Double.isFinite(got[i])) {
        return Double.POSITIVE_INFINITY;
      }
      diff = Math.max(diff, Math.abs(got[i] - reference[i]));
      scale = Math.max(scale, Math.abs(reference[i]));
    }
    return diff / Math.max(scale, Double.MIN_NORMAL);
  }

  private static float[] gaussian(Random r, long n, double sd) {
    float[] v = new float[Math.toIntExact(n)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (sd * r.nextGaussian());
    }
    return v;
  }
}
