package org.aucl.model;

/**
 * PyTorch's intra-op thread count and eager-mode settings, fixed before the engine loads (DJL reads
 * {@code ai.djl.pytorch.num_threads} once, when the engine starts).
 */
public final class EngineThreads {
  private static final String THREADS = "ai.djl.pytorch.num_threads";
  private static final String GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";

  private EngineThreads() {}

  /**
   * @param threads intra-op threads; 0 keeps a value already set (by -D) or else uses every core
   */
  public static void configure(int threads) {
    if (threads > 0) {
      System.setProperty(THREADS, Integer.toString(threads));
    } else if (System.getProperty(THREADS) == null) {
      System.setProperty(THREADS, Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
    // The TorchScript graph optimiser only concerns scripted models; keep it off for eager training.
    if (System.getProperty(GRAPH_OPTIMIZER) == null) {
      System.setProperty(GRAPH_OPTIMIZER, "false");
    }
  }

  /** The intra-op thread count the engine runs with (starts the engine). */
  public static int current() {
    return ai.djl.pytorch.jni.JniUtils.getNumThreads();
  }
}
