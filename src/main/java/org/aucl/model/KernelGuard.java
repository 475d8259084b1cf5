package org.aucl.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aucl.util.Processor;
import org.aucl.util.UserException;

/**
 * Keeps every convolution off float32 kernels shown wrong on this processor. The first time a
 * convolution meets an input shape, its float32 path in the network's layout is compared with
 * float64 ({@link KernelCheck}) on random inputs of that shape; if it is wrong, the other layout is
 * tried, then a sum of matrix products ({@link ConvRoute}); the first route shown right is remembered
 * for the process. If none is, the work is refused in one sentence. PyTorch 2.7.1's oneDNN computes some convolutions wrongly on processors whose caches it
 * misreads (docs/MODELS.md), in shapes no rule on channel counts foresees (a 256 -> 512 1x1 stride-2
 * convolution channels-last on 4 x 4 to 14 x 14 inputs among them), so each shape is checked.
 *
 * <p>Batches of 2 or more are checked at {@link #CHECK_BATCH} images at most (the faults seen do not
 * change with the batch beyond 1); a batch of one is checked as such. A check costs about three
 * float64 passes of the layer at that batch, once per shape.
 */
public final class KernelGuard {
  /** The largest batch a check runs at. */
  public static final int CHECK_BATCH = 16;

  private static final Map<Key, ConvRoute> ROUTES = new ConcurrentHashMap<>();
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private KernelGuard() {}

  /** One convolution shape, layout and use: what a route is chosen for. */
  record Key(ConvCase conv, MemoryFormat layout, boolean inputGradient, boolean weightGradient) {}

  /** The route for {@code conv} (its batch already capped) in {@code layout}, checked once. */
  static ConvRoute route(ConvCase conv, MemoryFormat layout, boolean inputGradient, boolean weightGradient) {
    return ROUTES.computeIfAbsent(new Key(conv, layout, inputGradient, weightGradient), KernelGuard::choose);
  }

  /** The batch a check of a batch of {@code n} runs at. */
  static int checkBatch(int n) {
    return Math.min(n, CHECK_BATCH);
  }

  private static ConvRoute choose(Key k) {
    KernelCheck.Needs needs = new KernelCheck.Needs(k.inputGradient(), k.weightGradient());
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      KernelCheck.Reference reference =
          new KernelCheck.Reference(k.conv(), 1, k.inputGradient() || k.weightGradient(), m);
      if (reference.errors(k.layout()).rightFor(needs)) {
        return ConvRoute.NATIVE;
      }
      if (k.layout() == MemoryFormat.CHANNELS_LAST && reference.errors(MemoryFormat.CONTIGUOUS).rightFor(needs)) {
        warn(k, "contiguous");
        return ConvRoute.CONTIGUOUS;
      }
      if (reference.errors(ConvRoute.MATMUL, k.layout()).rightFor(needs)) {
        warn(k, "as matrix products (slower)");
        return ConvRoute.MATMUL;
      }
      throw new UserException("PyTorch computes " + k.conv().describe() + " wrongly on this processor ("
          + Processor.describe() + ") in every way aucl knows (checked against float64, docs/MODELS.md); "
          + "run on another machine or change the image size or width.");
    }
  }

  private static void warn(Key k, String how) {
    if (!WARNED.add(k.conv().describe() + k.layout())) {
      return;
    }
    System.err.printf(Locale.ROOT, "aucl: PyTorch's oneDNN computes %s wrongly in %s float32 on this processor; aucl runs it %s "
        + "(checked against float64, docs/MODELS.md).%n", k.conv().describe(), k.layout().label(), how);
  }

  /** The convolutions this process moved off their layout's kernels, as sentences (for reports). */
  public static List<String> detours() {
    return ROUTES.entrySet().stream()
        .filter(e -> e.getValue() != ConvRoute.NATIVE)
        .map(e -> e.getKey().conv().describe() + ", " + e.getKey().layout().label() + ": " + e.getValue().name().toLowerCase(Locale.ROOT))
        .distinct()
        .sorted()
        .toList();
  }
}
