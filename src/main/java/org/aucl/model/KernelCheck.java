package org.aucl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Random;

/**
 * Checks the engine's float32 convolution kernels against the same computation in float64, which
 * PyTorch runs through another implementation on the CPU (its reference im2col and matrix product;
 * oneDNN computes float32 only). One case is one convolution: forward, then backward of
 * {@code sum(output * R)} for a fixed random {@code R}; each result is compared with the float64 one
 * as max |float32 - float64| / max |float64| (non-finite: infinite). On a correct path the errors are
 * float rounding, 1e-7 to 2e-6 (docs/MODELS.md).
 *
 * <p>Backward runs without a {@code GradientCollector} (DJL allows one at a time), so a check may run
 * inside a training step's forward pass ({@link KernelGuard}); the engine's grad mode is put back.
 */
public final class KernelCheck {
  /** Largest relative error a correct float32 path shows, with a margin: measured 1e-7 to 2e-6. */
  public static final double TOLERANCE = 1e-4;

  private KernelCheck() {}

  /** Which results a caller uses: the output always, the gradients when it trains through them. */
  public record Needs(boolean inputGradient, boolean weightGradient) {
    /** What a training step needs of {@code c}: both gradients, but the images' for a stem or patch. */
    public static Needs training(ConvCase c) {
      return new Needs(c.inputGradientUsed(), true);
    }
  }

  /** The errors of one layout's float32 path against float64. */
  public record PathErrors(MemoryFormat layout, double output, double inputGradient, double weightGradient) {
    /** True when every result {@code needs} names is within {@link #TOLERANCE}. */
    public boolean rightFor(Needs needs) {
      return output <= TOLERANCE
          && (!needs.weightGradient() || weightGradient <= TOLERANCE)
          && (!needs.inputGradient() || inputGradient <= TOLERANCE);
    }
  }

  /** Runs {@code c} in float64 and in float32 in both layouts, from inputs drawn from {@code seed}. */
  public static PathErrors[] compare(ConvCase c, long seed, NDManager parent) {
    Reference r = new Reference(c, seed, true, parent);
    MemoryFormat[] layouts = MemoryFormat.values();
    PathErrors[] errors = new PathErrors[layouts.length];
    for (int i = 0; i < layouts.length; i++) {
      errors[i] = r.errors(layouts[i]);
    }
    return errors;
  }

  /** The inputs of one case and its float64 results, against which float32 paths are measured. */
  public static final class Reference {
    private final ConvCase c;
    private final boolean gradients;
    private final NDManager parent;
    private final float[] x;
    private final float[] w;
    private final float[] weights;
    private final float[] bias;
    private final double[][] expected;

    /** Draws the inputs from {@code seed} and computes the float64 results (the gradients only if asked). */
    public Reference(ConvCase c, long seed, boolean gradients, NDManager parent) {
      this.c = c;
      this.gradients = gradients;
      this.parent = parent;
      Random r = new Random(seed);
      x = gaussian(r, (long) c.batch() * c.inChannels() * c.height() * c.width(), 1);
      w = gaussian(r, (long) c.outChannels() * c.inChannels() * c.kernel() * c.kernel(),
          Math.sqrt(2.0 / (c.inChannels() * c.kernel() * c.kernel())));
      weights = gaussian(r, (long) c.batch() * c.outChannels() * c.outHeight() * c.outWidth(), 1);
      bias = c.bias() ? gaussian(r, c.outChannels(), 1) : null;
      // float64 as matrix products: the float64 convolution would ask NNPACK, which logs a warning per call where it cannot start
      expected = run(DataType.FLOAT64, ConvRoute.MATMUL, MemoryFormat.CONTIGUOUS);
    }

    /** The float32 path in {@code layout}, measured against float64. */
    public PathErrors errors(MemoryFormat layout) {
      return errors(ConvRoute.NATIVE, layout);
    }

    /** The float32 path of {@code route} in a network laid out {@code layout}, measured against float64. */
    PathErrors errors(ConvRoute route, MemoryFormat layout) {
      double[][] got = run(DataType.FLOAT32, route, layout);
      return new PathErrors(layout, relativeError(got[0], expected[0]), relativeError(got[1], expected[1]),
          relativeError(got[2], expected[2]));
    }

    /** {output, input gradient, weight gradient} of one path, read back as doubles (empty gradients if not asked). */
    private double[][] run(DataType type, ConvRoute route, MemoryFormat layout) {
      Shape xShape = new Shape(c.batch(), c.inChannels(), c.height(), c.width());
      Shape wShape = new Shape(c.outChannels(), c.inChannels(), c.kernel(), c.kernel());
      boolean gradMode = JniUtils.isGradMode();
      try (NDManager m = parent.newSubManager()) {
        JniUtils.setGradMode(gradients);
        NDArray input = m.create(x, xShape).toType(type, false);
        NDArray weight = m.create(w, wShape).toType(type, false);
        if (gradients) {
          input.setRequiresGradient(true);
          weight.setRequiresGradient(true);
        }
        NDArray b = bias == null ? null : m.create(bias).toType(type, false);
        if (b != null && gradients) {
          b.setRequiresGradient(true);
        }
        NDArray laidOut = layout == MemoryFormat.CHANNELS_LAST ? ChannelsLast.of(input) : input;
        NDArray y = route.apply(laidOut, weight, b, c.stride(), c.padding(), layout);
        if (!gradients) {
          return new double[][] {doubles(y), new double[0], new double[0]};
        }
        NDArray loss = y.mul(m.create(weights, y.getShape()).toType(type, false)).sum();
        JniUtils.backward((PtNDArray) loss, (PtNDArray) m.ones(loss.getShape(), type), false, false);
        return new double[][] {doubles(y), doubles(input.getGradient()), doubles(weight.getGradient())};
      } finally {
        JniUtils.setGradMode(gradMode);
      }
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
