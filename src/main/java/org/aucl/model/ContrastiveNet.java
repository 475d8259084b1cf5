package org.aucl.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.aucl.util.FloatStreams;

/**
 * Encoder (a {@link ResNets} ResNet or a {@link VisionTransformer}) plus a head, on one device, owning its
 * NDManager. The head is the projector ({@link Projector}, parameters named "projector.…") unless
 * {@link #withHead} gives another block (the teacher-student method's {@link DinoHead}). Shapes: images
 * B x C x H x W (float32); features B x featureDim; projections B x projOut.
 *
 * <p>As in the authors' CIFAR script, the head reads the raw (un-normalised) encoder output,
 * and both the features and the projections are returned L2-normalised (norm guarded by 1e-8).
 */
public final class ContrastiveNet implements AutoCloseable {
  private static final double NORM_EPS = 1e-8;

  private final NetConfig cfg;
  private final NDManager manager;
  private final Encoder encoder;
  /** Layout of the encoder's activations; the images are laid out so on entry. */
  private MemoryFormat memoryFormat;
  private final Block head;
  private final String headName;
  private final ParameterStore store;
  private final long seed;
  private final IntFunction<Block> headFactory;
  private final Map<String, Parameter> all = new LinkedHashMap<>();
  private final Map<String, NDArray> trainable = new LinkedHashMap<>();
  /** Every array not in {@link #trainable}, found once: a step copies them (loads write them in place). */
  private final List<NDArray> runningStats = new ArrayList<>();

  private ContrastiveNet(
      NetConfig cfg, Device device, long seed, String headName, IntFunction<Block> headFactory, DataType type) {
    ConvChannels.require(cfg, device);
    this.cfg = cfg;
    this.seed = seed;
    this.headFactory = headFactory;
    this.manager = NDManager.newBaseManager(device);
    manager.setName("ContrastiveNet");
    this.encoder = buildEncoder(cfg);
    this.memoryFormat = MemoryFormat.forNet(cfg, device);
    layOut(encoder.block(), memoryFormat);
    this.headName = headName;
    this.head = headFactory.apply(encoder.featureDim());
    Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
    encoder.block().initialize(manager, type, new Shape(2, cfg.inChannels(), cfg.imageSize(), cfg.imageSize()));
    head.initialize(manager, type, new Shape(2, encoder.featureDim()));
    collect("encoder.", encoder.block());
    collect(headName + ".", this.head);
    this.store = new ParameterStore(manager, false);
  }

  private static Encoder buildEncoder(NetConfig cfg) {
    return NetConfig.isVitArch(cfg.arch()) ? VisionTransformer.encoder(cfg) : ResNets.build(cfg);
  }

  /** A network on the engine's default device, initialised deterministically from {@code seed}. */
  public static ContrastiveNet create(NetConfig cfg, long seed) {
    return create(cfg, seed, Engine.getInstance().defaultDevice());
  }

  /** A network on {@code device} (see {@link Devices#resolve}), initialised from {@code seed}. */
  public static ContrastiveNet create(NetConfig cfg, long seed, Device device) {
    return new ContrastiveNet(
        cfg, device, seed, "projector", in -> Projector.build(in, cfg.projHidden(), cfg.projOut()), DataType.FLOAT32);
  }

  /**
   * A network whose head is {@code headFactory.apply(featureDim)} instead of the projector, its parameters
   * named {@code headName + ".…"}; initialised from {@code seed} in the same order (encoder, then head),
   * so two networks made with the same arguments are equal.
   */
  public static ContrastiveNet withHead(
      NetConfig cfg, long seed, Device device, String headName, IntFunction<Block> headFactory) {
    if (headName.equals("encoder")) {
      throw new IllegalArgumentException("The head cannot be named 'encoder'.");
    }
    return new ContrastiveNet(cfg, device, seed, headName, headFactory, DataType.FLOAT32);
  }

  /**
   * A float64 copy of this network (the same weights and BatchNorm statistics, the same layout), the
   * reference that float32 paths are checked against: PyTorch computes float64 convolutions without
   * oneDNN on the CPU ({@link KernelCheck}). Its arrays take float64 images.
   */
  public ContrastiveNet float64Copy() {
    return copyAs(DataType.FLOAT64, memoryFormat);
  }

  /** A copy of this network in {@code type} whose activations use {@code layout}, for checks. */
  ContrastiveNet copyAs(DataType type, MemoryFormat layout) {
    ContrastiveNet copy = new ContrastiveNet(cfg, device(), seed, headName, headFactory, type);
    copy.memoryFormat = layout;
    layOut(copy.encoder.block(), layout);
    for (Map.Entry<String, Parameter> e : all.entrySet()) {
      NDArray target = copy.all.get(e.getKey()).getArray();
      try (NDArray same = e.getValue().getArray().toType(type, true)) {
        target.set(same.toByteBuffer());
      }
    }
    return copy;
  }

  private void collect(String prefix, Block block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      String name = prefix + p.getKey();
      if (all.put(name, p.getValue()) != null) {
        throw new IllegalStateException("Duplicate parameter name " + name);
      }
      if (p.getValue().requiresGradient()) {
        trainable.put(name, p.getValue().getArray());
      } else {
        runningStats.add(p.getValue().getArray());
      }
    }
  }

  /** Un-normalised encoder outputs, B x featureDim. */
  public NDArray encode(NDArray images, boolean training) {
    NDArray laidOut = memoryFormat == MemoryFormat.CHANNELS_LAST ? ChannelsLast.of(images) : images;
    return encoder.block().forward(store, new NDList(laidOut), training).singletonOrThrow();
  }

  /** L2-normalised encoder outputs, B x featureDim (what kNN and the linear probe read). */
  public NDArray features(NDArray images, boolean training) {
    return encode(images, training).normalize(2, 1, NORM_EPS);
  }

  /** L2-normalised head outputs, B x projOut, for the given encoder outputs (B x featureDim). */
  public NDArray project(NDArray features, boolean training) {
    return head(features, training).normalize(2, 1, NORM_EPS);
  }

  /** The head's raw outputs (not normalised), for the given encoder outputs (B x featureDim). */
  public NDArray head(NDArray features, boolean training) {
    return head.forward(store, new NDList(features), training).singletonOrThrow();
  }

  /** Both heads: {normalised features B x F, normalised projections B x projOut}; the projector reads the raw features. */
  public NDList forward(NDArray images, boolean training) {
    NDArray h = encode(images, training);
    return new NDList(h.normalize(2, 1, NORM_EPS), project(h, training));
  }

  /**
   * Trainable arrays by unique name ("encoder.…", then the head's, "projector.…" by default); BatchNorm
   * running statistics excluded. After {@link #stopGradients()} the same arrays, which then take no
   * gradient.
   */
  public Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(trainable);
  }

  /**
   * The arrays that are not trainable: BatchNorm running means and variances, which a training
   * forward pass updates in place whatever becomes of the step.
   */
  public List<NDArray> runningStatistics() {
    return Collections.unmodifiableList(runningStats);
  }

  /**
   * Makes every parameter array of this network stop taking gradients (a teacher, trained only by a
   * moving average): backward passes then leave it without a gradient. {@link #parameters()} still
   * lists the arrays.
   */
  public void stopGradients() {
    encoder.block().freezeParameters(true);
    head.freezeParameters(true);
  }

  /** True for parameters that SimCLR's LARS leaves out of weight decay and adaptation: BatchNorm gamma/beta and biases. */
  public static boolean isNormOrBias(String name) {
    return name.endsWith("_gamma") || name.endsWith("_beta") || name.endsWith("_bias");
  }

  /**
   * Every array by name, BatchNorm running statistics included, in the order {@link #save} writes them:
   * what weights are exported from and imported into (in place).
   */
  public Map<String, NDArray> arrays() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    all.forEach((name, p) -> out.put(name, p.getArray()));
    return Collections.unmodifiableMap(out);
  }

  /** The head's name: the prefix of its arrays ("projector" unless {@link #withHead} named another). */
  public String headName() {
    return headName;
  }

  /** Writes every parameter, BatchNorm running statistics included, as (name, shape, float32 data). */
  public void save(DataOutputStream out) throws IOException {
    out.writeInt(all.size());
    for (Map.Entry<String, Parameter> e : all.entrySet()) {
      NDArray a = e.getValue().getArray();
      out.writeUTF(e.getKey());
      long[] shape = a.getShape().getShape();
      out.writeInt(shape.length);
      for (long d : shape) {
        out.writeLong(d);
      }
      FloatStreams.write(a, out);
    }
  }

  /** Restores what {@link #save} wrote into this network (same configuration), in place. */
  public void load(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n != all.size()) {
      throw new IOException("Checkpoint holds " + n + " arrays but this network has " + all.size() + ".");
    }
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      Parameter p = all.get(name);
      if (p == null) {
        throw new IOException("Checkpoint array '" + name + "' is not a parameter of this network.");
      }
      long[] shape = new long[in.readInt()];
      for (int d = 0; d < shape.length; d++) {
        shape[d] = in.readLong();
      }
      NDArray a = p.getArray();
      if (!a.getShape().equals(new Shape(shape))) {
        throw new IOException("Checkpoint array '" + name + "' has shape " + new Shape(shape) + ", expected " + a.getShape() + ".");
      }
      float[] data = new float[Math.toIntExact(a.size())];
      for (int k = 0; k < data.length; k++) {
        data[k] = in.readFloat();
      }
      a.set(FloatBuffer.wrap(data));
    }
  }

  /** Trainable parameters (BatchNorm running statistics excluded), as torchvision counts them. */
  public long parameterCount(boolean includeProjector) {
    long n = 0;
    for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
      if (includeProjector || e.getKey().startsWith("encoder.")) {
        n += e.getValue().size();
      }
    }
    return n;
  }

  /** Forward FLOPs per image (2 x multiply-adds of the conv and linear layers) at {@link NetConfig#imageSize()}. */
  public double flopsPerImage(boolean includeProjector) {
    return 2.0 * macsPerImage(cfg, includeProjector);
  }

  /** Forward multiply-adds per image of a configuration, without building its arrays. */
  /**
   * Bytes a training step of {@code cfg} takes, roughly: the weights with their gradients and two
   * optimiser moments, and about three arrays per layer's output for {@code images} images kept for the
   * backward pass. For refusing what cannot fit, not for planning.
   */
  public static double trainingBytes(NetConfig cfg, long images) {
    Encoder e = buildEncoder(cfg);
    long head = Projector.macs(e.featureDim(), cfg.projHidden(), cfg.projOut());
    return 4.0 * (4.0 * (e.parameters() + head) + 3.0 * images * e.activationsPerImage());
  }

  public static long macsPerImage(NetConfig cfg, boolean includeProjector) {
    Encoder e = buildEncoder(cfg);
    return e.macsPerImage() + (includeProjector ? Projector.macs(e.featureDim(), cfg.projHidden(), cfg.projOut()) : 0);
  }

  /** The layout of the encoder's activations (ViTs: always contiguous). */
  public MemoryFormat memoryFormat() {
    return memoryFormat;
  }

  /** Runs the encoder in {@code format} from now on (ResNets only; for tests and benchmarks). */
  public void useMemoryFormat(MemoryFormat format) {
    if (NetConfig.isVitArch(cfg.arch()) && format != MemoryFormat.CONTIGUOUS) {
      throw new IllegalArgumentException("A Vision Transformer has no channels-last layout.");
    }
    this.memoryFormat = format;
    layOut(encoder.block(), format);
  }

  /** Tells every convolution of {@code block} the layout it runs in (its kernel check depends on it). */
  private static void layOut(Block block, MemoryFormat format) {
    if (block instanceof Conv2d conv) {
      conv.useLayout(format);
    }
    for (Pair<String, Block> child : block.getChildren()) {
      layOut(child.getValue(), format);
    }
  }

  public NetConfig config() {
    return cfg;
  }

  public int featureDim() {
    return encoder.featureDim();
  }

  /** The manager that owns the parameters (steps open sub-managers of it). */
  public NDManager manager() {
    return manager;
  }

  public Device device() {
    return manager.getDevice();
  }

  @Override
  public void close() {
    manager.close();
  }
}
