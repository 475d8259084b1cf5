package org.aucl.weights;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.model.ContrastiveNet;

/**
 * Loads a safetensors file's weights into a network, in place, after checking all of them: every
 * array of the encoder must be in the file under its torchvision or timm name ({@link WeightNames})
 * with its shape; a projector ({@code projector.*}, as aucl exports it) is loaded when the file holds
 * one whole and the network's head is a projector; a classifier ({@code fc.*}, {@code head.*}) and
 * BatchNorm's {@code num_batches_tracked} are passed over. Anything else is refused, naming the first
 * offending tensor, before any array changes.
 */
public final class WeightImport {
  private WeightImport() {}

  /**
   * What was loaded.
   *
   * @param tensors the arrays set
   * @param projector whether the projector came from the file
   * @param ignored the tensors passed over: a classifier's, and a projector's when only the encoder was asked for
   */
  public record Loaded(int tensors, boolean projector, List<String> ignored) {}

  /**
   * Loads {@code file} into {@code net}; {@code fileName} names it in messages. A refusal is an
   * {@link IllegalArgumentException} of one sentence.
   *
   * @param encoderOnly leave the head as it is, passing over a projector in the file
   */
  public static Loaded load(SafetensorsFile file, ContrastiveNet net, String fileName, boolean encoderOnly) {
    WeightNames names = WeightNames.of(net.config());
    Map<String, NDArray> encoder = new LinkedHashMap<>();
    Map<String, NDArray> projector = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : net.arrays().entrySet()) {
      String name = e.getKey();
      if (name.startsWith(WeightNames.ENCODER)) {
        encoder.put(names.encoder(name.substring(WeightNames.ENCODER.length())), e.getValue());
      } else if (name.startsWith(WeightNames.PROJECTOR)) {
        projector.put(WeightNames.projector(name.substring(WeightNames.PROJECTOR.length())), e.getValue());
      }
    }
    String network = WeightsMetadata.describe(net.config());
    List<String> ignored = new ArrayList<>();
    List<Tensor> heads = new ArrayList<>();
    for (Tensor t : file.tensors().values()) {
      String n = t.name();
      if (n.endsWith(".num_batches_tracked")
          && (encoder.containsKey(bnSibling(n)) || projector.containsKey(bnSibling(n)))) {
        continue;
      }
      if (names.isClassifier(n) || (encoderOnly && n.startsWith(WeightNames.PROJECTOR))) {
        ignored.add(n);
        continue;
      }
      NDArray target = encoder.containsKey(n) ? encoder.get(n) : projector.get(n);
      if (target == null) {
        throw new IllegalArgumentException(fileName + " holds tensor '" + n + "', which " + network + " (" + names.convention()
            + " names) has no place for.");
      }
      long[] want = target.getShape().getShape();
      if (!Arrays.equals(want, t.shape())) {
        throw new IllegalArgumentException("tensor '" + n + "' of " + fileName + " has shape " + Arrays.toString(t.shape())
            + ", but " + network + " needs " + Arrays.toString(want) + ".");
      }
      if (!t.dtype().isFloat()) {
        throw new IllegalArgumentException("tensor '" + n + "' of " + fileName + " holds integers (" + t.dtype()
            + "), not weights.");
      }
      if (projector.containsKey(n)) {
        heads.add(t);
      }
    }
    for (String n : encoder.keySet()) {
      if (!file.tensors().containsKey(n)) {
        throw new IllegalArgumentException(fileName + " lacks tensor '" + n + "' of " + network + " (" + names.convention()
            + " names).");
      }
    }
    boolean withProjector = !heads.isEmpty() && !encoderOnly;
    if (!heads.isEmpty() && heads.size() != projector.size()) {
      String missing = projector.keySet().stream().filter(k -> !file.tensors().containsKey(k)).findFirst().orElseThrow();
      throw new IllegalArgumentException(fileName + " holds part of a projector but lacks tensor '" + missing + "'.");
    }
    int set = 0;
    for (Map.Entry<String, NDArray> e : encoder.entrySet()) {
      e.getValue().set(FloatBuffer.wrap(file.tensors().get(e.getKey()).floats()));
      set++;
    }
    if (withProjector) {
      for (Map.Entry<String, NDArray> e : projector.entrySet()) {
        e.getValue().set(FloatBuffer.wrap(file.tensors().get(e.getKey()).floats()));
        set++;
      }
    }
    return new Loaded(set, withProjector, List.copyOf(ignored));
  }

  private static String bnSibling(String numBatchesTracked) {
    return numBatchesTracked.substring(0, numBatchesTracked.length() - "num_batches_tracked".length()) + "running_mean";
  }
}
