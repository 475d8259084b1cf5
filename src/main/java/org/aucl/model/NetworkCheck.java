package org.aucl.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.DoubleBuffer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.aucl.util.Processor;
import org.aucl.util.UserException;

/**
 * One training pass of a whole network in float32 against the same pass in float64, before training
 * on the CPU, to choose the activations' layout. {@link KernelGuard} checks each convolution alone;
 * some paths are right alone and wrong inside a network, at some batch sizes and on some images, in
 * one layout (docs/MODELS.md, "Whole-network check"): on an AMD EPYC of family 25 (Zen 4) the default
 * job's network computes gradients 3% to 22% off channels-last at 48 images and more, whatever oneDNN's
 * instruction set, and right contiguous; on one of family 26 (Zen 5) the contiguous layout was the
 * wrong one. So both layouts are run at the batch the network trains at, on up to {@link #DRAWS}
 * draws of random images, and where they differ by more than half the tolerance each is compared with
 * float64; the network's own layout is kept unless it is shown wrong and the other is not
 * ({@link MemoryFormat#forNet}). The passes run on copies, so the network, its statistics and the
 * engine's random state are as they were.
 *
 * <p>The loss is a fixed random linear function of both outputs; the error of an array is its largest
 * difference over its largest reference value. Some draws are ill-conditioned: a pre-activation near
 * zero or a BatchNorm channel of almost constant values makes a gradient move by a percent when the
 * inputs and weights move by one part in a million, and no float32 path can do better. So an array is
 * wrong only past {@link #TOLERANCE} and past {@link #CONDITION_FACTOR} times its sensitivity (its
 * change in float64 when every input and weight is scaled by 1 + 1e-6 N(0, 1)). A draw blames a layout
 * only when the other one is right on it: some draws put both float32 layouts 1% to 4% off float64 on
 * the same array (while two float64 convolutions, oneDNN-free and matrix products, agree to 1e-14),
 * and switching layouts cannot help there. Measured: right paths 2.5e-7 to 3.3e-5 on well-conditioned
 * draws, at most 1.9 times their sensitivity on ill-conditioned ones; the layout faults, 1,500 to
 * 2,200 times it.
 */
public final class NetworkCheck {
  /** The largest relative error a right path may show on a well-conditioned draw. */
  public static final double TOLERANCE = 1e-3;
  /** How many times its sensitivity an array's error may be. */
  public static final double CONDITION_FACTOR = 10;
  /** The relative scale of the perturbation that measures sensitivity. */
  static final double PERTURBATION = 1e-6;
  /**
   * Draws of random images that must tell the layouts apart: the faults seen depend on the images too
   * (on the Zen 4 machine, channels-last at 32 images was wrong on 3 draws of 4).
   */
  public static final int DRAWS = 3;

  private static final Map<Checked, MemoryFormat> CHOSEN = new ConcurrentHashMap<>();

  private NetworkCheck() {}

  /** One array's relative error against float64, and the most it may be. */
  public record ArrayError(String name, double error, double allowed) {
    public boolean wrong() {
      return error > allowed;
    }

    /** How far past what it may be: above 1 is wrong. */
    double excess() {
      return error / allowed;
    }
  }

  /** A network configuration checked at a batch. */
  private record Checked(NetConfig net, int batch) {}

  /**
   * One draw of images: the largest difference between the two float32 layouts and, when it is large
   * enough to blame one of them, each layout's array furthest past what it may be against float64
   * (null when the layouts agree and float64 was not computed).
   */
  public record Draw(ArrayError channelsLast, ArrayError contiguous, double between) {
    /** Two layouts within half the tolerance of each other: no layout can be blamed on this draw. */
    static Draw agreeing(double between) {
      return new Draw(null, null, between);
    }

    /**
     * Whether this draw shows {@code layout} wrong: off float64 while the other layout is not. A draw
     * that puts both off float64 blames neither: switching layouts cannot help there.
     */
    public boolean blames(MemoryFormat layout) {
      return channelsLast != null && of(layout).wrong() && !of(layout.other()).wrong();
    }

    public ArrayError of(MemoryFormat layout) {
      return layout == MemoryFormat.CHANNELS_LAST ? channelsLast : contiguous;
    }
  }

  /**
   * The layout in which {@code net}'s float32 training pass over {@code batch} images is right against
   * float64, the network's own unless shown wrong; networks of its configuration use it from now on in
   * this process. Refuses in one sentence when both are shown wrong. Checked once per configuration,
   * batch and process; a ViT (one layout) and networks off the CPU are not checked.
   */
  public static MemoryFormat chooseLayout(ContrastiveNet net, int batch) {
    if (!Device.Type.CPU.equals(net.device().getDeviceType()) || NetConfig.isVitArch(net.config().arch())) {
      return net.memoryFormat();
    }
    MemoryFormat chosen = CHOSEN.computeIfAbsent(new Checked(net.config(), batch), k -> check(net, batch));
    MemoryFormat.choose(net.config(), chosen); // again when cached: a run at another batch may have chosen since
    return chosen;
  }

  private static MemoryFormat check(ContrastiveNet net, int batch) {
    Map<MemoryFormat, ArrayError> wrong = new EnumMap<>(MemoryFormat.class);
    for (long seed = 1; seed <= DRAWS && wrong.isEmpty(); seed++) {
      Draw d = draw(net, batch, seed);
      for (MemoryFormat f : MemoryFormat.values()) {
        if (d.blames(f)) {
          wrong.put(f, d.of(f));
        }
      }
    }
    MemoryFormat first = net.memoryFormat();
    for (MemoryFormat f : List.of(first, first.other())) {
      if (!wrong.containsKey(f)) {
        if (f != first) {
          System.err.printf(Locale.ROOT, "aucl: PyTorch computes this network's training pass at %d images wrongly %s on this "
              + "processor (%s); aucl runs it %s, checked right against float64 (docs/MODELS.md, \"Whole-network check\").%n",
              batch, first.label(), describe(first, wrong.get(first)), f.label());
        }
        return f;
      }
    }
    throw new UserException(String.format(Locale.ROOT,
        "PyTorch computes this network's training pass at %d images wrongly on this processor (%s) in every layout "
            + "aucl knows (%s; %s); try another --batch-size, --width or --image-size (docs/MODELS.md, "
            + "\"Whole-network check\").",
        batch, Processor.describe(), describe(first, wrong.get(first)), describe(first.other(), wrong.get(first.other()))));
  }

  private static String describe(MemoryFormat f, ArrayError e) {
    return String.format(Locale.ROOT, "%s: %s %.1e from float64, right: <= %.0e", f.label(), e.name(), e.error(), e.allowed());
  }

  /**
   * Both layouts' float32 training passes on one draw of random images, and, when they differ by more
   * than half the tolerance, each against float64.
   */
  public static Draw draw(ContrastiveNet net, int batch, long seed) {
    Inputs in = Inputs.draw(net, batch, seed);
    Map<String, double[]> last;
    Map<String, double[]> contiguous;
    try (ContrastiveNet a = net.copyAs(DataType.FLOAT32, MemoryFormat.CHANNELS_LAST)) {
      last = pass(a, in, DataType.FLOAT32);
    }
    try (ContrastiveNet b = net.copyAs(DataType.FLOAT32, MemoryFormat.CONTIGUOUS)) {
      contiguous = pass(b, in, DataType.FLOAT32);
    }
    double between = 0;
    for (String name : last.keySet()) {
      between = Math.max(between, KernelCheck.relativeError(last.get(name), contiguous.get(name)));
    }
    if (between <= TOLERANCE / 2) {
      return Draw.agreeing(between);
    }
    Reference ref = Reference.of(net, in, seed);
    return new Draw(ref.worst(last), ref.worst(contiguous), between);
  }

  /**
   * The worst array of {@code layout}'s float32 pass on one draw of random images against float64: for
   * tests and benchmarks.
   */
  public static ArrayError worst(ContrastiveNet net, MemoryFormat layout, int batch, long seed) {
    Inputs in = Inputs.draw(net, batch, seed);
    Reference ref = Reference.of(net, in, seed);
    try (ContrastiveNet narrow = net.copyAs(DataType.FLOAT32, layout)) {
      return ref.worst(pass(narrow, in, DataType.FLOAT32));
    }
  }

  /** The float64 pass, and how far each array moves when the inputs and weights move by {@link #PERTURBATION}. */
  record Reference(Map<String, double[]> want, Map<String, Double> sensitivity) {
    static Reference of(ContrastiveNet net, Inputs in, long seed) {
      Map<String, double[]> want;
      Map<String, double[]> moved;
      try (ContrastiveNet wide = net.copyAs(DataType.FLOAT64, MemoryFormat.CONTIGUOUS)) {
        want = pass(wide, in, DataType.FLOAT64);
      }
      SplittableRandom r = new SplittableRandom(~seed);
      try (ContrastiveNet wide = net.copyAs(DataType.FLOAT64, MemoryFormat.CONTIGUOUS)) {
        for (NDArray p : wide.parameters().values()) {
          double[] v = p.toDoubleArray();
          for (int i = 0; i < v.length; i++) {
            v[i] *= 1 + PERTURBATION * gaussian(r);
          }
          p.set(DoubleBuffer.wrap(v));
        }
        float[] images = in.images().clone();
        for (int i = 0; i < images.length; i++) {
          images[i] *= (float) (1 + PERTURBATION * gaussian(r));
        }
        moved = pass(wide, new Inputs(images, in.features(), in.head(), in.batch()), DataType.FLOAT64);
      }
      Map<String, Double> sensitivity = new LinkedHashMap<>();
      for (String name : want.keySet()) {
        sensitivity.put(name, KernelCheck.relativeError(moved.get(name), want.get(name)));
      }
      return new Reference(want, sensitivity);
    }

    /** The array of a float32 pass furthest past what it may be. */
    ArrayError worst(Map<String, double[]> got) {
      ArrayError worst = null;
      for (String name : want.keySet()) {
        double allowed = Math.max(TOLERANCE, CONDITION_FACTOR * sensitivity.get(name));
        ArrayError e = new ArrayError(name, KernelCheck.relativeError(got.get(name), want.get(name)), allowed);
        worst = worst == null || e.excess() > worst.excess() ? e : worst;
      }
      return worst;
    }
  }

  /** Random images and the loss's random coefficients for both outputs. */
  record Inputs(float[] images, float[] features, float[] head, int batch) {
    static Inputs draw(ContrastiveNet net, int batch, long seed) {
      NetConfig cfg = net.config();
      SplittableRandom r = new SplittableRandom(seed);
      float[] images = gaussian(r, batch * cfg.inChannels() * cfg.imageSize() * cfg.imageSize());
      float[] rf = gaussian(r, batch * net.featureDim());
      float[] rh = gaussian(r, batch * headWidth(net));
      return new Inputs(images, rf, rh, batch);
    }
  }

  /** The head's output width: one inference pass over two blank images (one image takes other kernels). */
  private static int headWidth(ContrastiveNet net) {
    NetConfig cfg = net.config();
    try (NDManager m = net.manager().newSubManager()) {
      NDArray x = m.zeros(new Shape(2, cfg.inChannels(), cfg.imageSize(), cfg.imageSize()));
      return Math.toIntExact(net.forward(x, false).get(1).getShape().get(1));
    }
  }

  /** Features, head outputs and every parameter's gradient of one training pass, as doubles. */
  static Map<String, double[]> pass(ContrastiveNet net, Inputs in, DataType type) {
    NetConfig cfg = net.config();
    int batch = in.batch();
    float[] images = in.images();
    float[] rf = in.features();
    float[] rh = in.head();
    Map<String, double[]> out = new LinkedHashMap<>();
    try (NDManager m = net.manager().newSubManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray x = m.create(images, new Shape(batch, cfg.inChannels(), cfg.imageSize(), cfg.imageSize())).toType(type, false);
      NDList y = net.forward(x, true);
      NDArray loss = y.get(0).mul(m.create(rf, y.get(0).getShape()).toType(type, false)).sum()
          .add(y.get(1).mul(m.create(rh, y.get(1).getShape()).toType(type, false)).sum());
      gc.backward(loss);
      out.put("features", doubles(y.get(0)));
      out.put("head outputs", doubles(y.get(1)));
      for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
        out.put(e.getKey() + " gradient", doubles(e.getValue().getGradient()));
        JniUtils.zeroGrad((PtNDArray) e.getValue());
      }
    }
    return out;
  }

  private static double[] doubles(NDArray a) {
    return a.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  static float[] gaussian(SplittableRandom r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) gaussian(r);
    }
    return v;
  }

  /** Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
