package org.aucl.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.aucl.util.FloatStreams;

/**
 * The bookkeeping every optimiser here shares: per-parameter state slots (zero-initialised, same
 * shape and device as the parameter), weight-decay exclusion, gradient reading and zeroing, and a
 * temporary manager per parameter so that no intermediate outlives the step.
 */
abstract class StatefulOptimizer implements ParameterOptimizer {
  private final int slots;
  private double weightDecay;
  private Predicate<String> excluded = n -> false;
  private final Map<String, NDArray[]> state = new LinkedHashMap<>();
  private final Map<String, float[][]> pending = new HashMap<>();
  private NDManager manager;
  private long steps;

  StatefulOptimizer(int slots, double weightDecay) {
    this.slots = slots;
    setWeightDecay(weightDecay);
  }

  /** The weight decay of the next step. */
  final double weightDecay() {
    return weightDecay;
  }

  @Override
  public final void setWeightDecay(double wd) {
    if (!(wd >= 0) || Double.isInfinite(wd)) {
      throw new IllegalArgumentException("Weight decay must be finite and >= 0, got " + wd + ".");
    }
    this.weightDecay = wd;
  }

  /**
   * Updates {@code w} in place. {@code g} is its gradient; {@code state} its slots; {@code decay}
   * whether weight decay applies; {@code t} the 1-based step. Intermediates go to {@code g}'s manager.
   */
  abstract void update(String name, NDArray w, NDArray g, NDArray[] state, double lr, boolean decay, long t);

  @Override
  public final void step(Map<String, NDArray> params, double lr, Predicate<String> frozen) {
    if (!(lr >= 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("Learning rate must be finite and >= 0, got " + lr + ".");
    }
    steps++;
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray w = e.getValue();
      if (!w.hasGradient()) {
        continue;
      }
      if (frozen.test(e.getKey())) {
        dropGradient(w);
        continue;
      }
      NDArray[] s = slots(e.getKey(), w);
      try (NDManager tmp = w.getManager().newSubManager()) {
        tmp.tempAttachAll(w);
        for (NDArray a : s) {
          tmp.tempAttachAll(a);
        }
        NDArray g = w.getGradient();
        if (g == null) {
          continue;
        }
        update(e.getKey(), w, g, s, lr, !excludedFromWeightDecay(e.getKey()), steps);
        zeroGradient(w, g);
      }
    }
  }

  @Override
  public final void discard(Map<String, NDArray> params) {
    for (NDArray w : params.values()) {
      if (w.hasGradient()) {
        dropGradient(w);
      }
    }
  }

  /** A frozen or discarded parameter's gradient is zeroed, and neither it nor its state slots change. */
  private static void dropGradient(NDArray w) {
    try (NDManager tmp = w.getManager().newSubManager()) {
      tmp.tempAttachAll(w);
      NDArray g = w.getGradient();
      if (g != null) {
        zeroGradient(w, g);
      }
    }
  }

  /** PyTorch accumulates gradients over backward passes: zero {@code w}'s gradient (g) in place. */
  private static void zeroGradient(NDArray w, NDArray g) {
    if (w instanceof PtNDArray) {
      JniUtils.zeroGrad((PtNDArray) w);
    } else {
      g.subi(g);
    }
  }

  private NDArray[] slots(String name, NDArray w) {
    NDArray[] s = state.get(name);
    if (s != null) {
      return s;
    }
    if (manager == null) {
      manager = NDManager.newBaseManager(w.getDevice());
      manager.setName(name() + "-state");
    }
    s = new NDArray[slots];
    float[][] loaded = pending.remove(name);
    for (int i = 0; i < slots; i++) {
      s[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
      if (loaded != null) {
        if (loaded[i].length != w.size()) {
          throw new IllegalStateException("Optimiser state for " + name + " does not match its parameter's size " + w.size() + ".");
        }
        s[i].set(FloatBuffer.wrap(loaded[i]));
      }
    }
    state.put(name, s);
    return s;
  }

  @Override
  public final void excludeFromWeightDecay(Predicate<String> names) {
    excluded = excluded.or(names);
  }

  @Override
  public final boolean excludedFromWeightDecay(String name) {
    return excluded.test(name);
  }

  @Override
  public final long stepCount() {
    return steps;
  }

  @Override
  public final void save(DataOutputStream out) throws IOException {
    out.writeUTF(name());
    out.writeLong(steps);
    out.writeInt(slots);
    out.writeInt(pending.size() + state.size());
    for (Map.Entry<String, float[][]> e : pending.entrySet()) { // loaded, not yet used by a step
      out.writeUTF(e.getKey());
      for (float[] slot : e.getValue()) {
        out.writeInt(slot.length);
        for (float f : slot) {
          out.writeFloat(f);
        }
      }
    }
    for (Map.Entry<String, NDArray[]> e : state.entrySet()) { // streamed: no heap copy of the moments
      out.writeUTF(e.getKey());
      for (NDArray slot : e.getValue()) {
        out.writeInt(Math.toIntExact(slot.size()));
        FloatStreams.write(slot, out);
      }
    }
  }

  @Override
  public final void load(DataInputStream in) throws IOException {
    String n = in.readUTF();
    if (!n.equals(name())) {
      throw new IOException("Checkpoint holds " + n + " optimiser state, not " + name() + ".");
    }
    steps = in.readLong();
    if (in.readInt() != slots) {
      throw new IOException("Checkpoint optimiser state has the wrong number of slots.");
    }
    closeState();
    int count = in.readInt();
    for (int k = 0; k < count; k++) {
      String name = in.readUTF();
      float[][] data = new float[slots][];
      for (int i = 0; i < slots; i++) {
        data[i] = new float[in.readInt()];
        for (int j = 0; j < data[i].length; j++) {
          data[i][j] = in.readFloat();
        }
      }
      pending.put(name, data);
    }
  }

  private void closeState() {
    state.clear();
    pending.clear();
    if (manager != null) {
      manager.close();
      manager = null;
    }
  }

  @Override
  public final void close() {
    closeState();
  }
}
