package org.aucl.weights;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aucl.model.ContrastiveNet;

/**
 * A network's weights as safetensors tensors under torchvision's or timm's names ({@link WeightNames}):
 * the encoder, and the projector if asked, with BatchNorm's running statistics, each BatchNorm followed
 * by torch's {@code num_batches_tracked} (int64, a scalar; aucl does not count batches, so it holds
 * the steps the checkpoint was trained for, which torch reads only when a BatchNorm's momentum is None).
 */
public final class WeightExport {
  private WeightExport() {}

  /**
   * The tensors of {@code net} in aucl's order, then {@code metadata}.
   *
   * @param withProjector add the projector ({@code projector.0}, {@code .1}, {@code .3})
   * @param batchesTracked the value of every {@code num_batches_tracked}
   */
  public static SafetensorsFile of(
      ContrastiveNet net, boolean withProjector, long batchesTracked, Map<String, String> metadata) {
    if (withProjector && !net.headName().equals("projector")) {
      throw new IllegalArgumentException("this run's head is a " + net.headName() + ", not a projector: torchvision and "
          + "timm have no names for it, so only the encoder can be exported (--part encoder).");
    }
    WeightNames names = WeightNames.of(net.config());
    List<Tensor> tensors = new ArrayList<>();
    for (Map.Entry<String, NDArray> e : net.arrays().entrySet()) {
      String external;
      if (e.getKey().startsWith(WeightNames.ENCODER)) {
        external = names.encoder(e.getKey().substring(WeightNames.ENCODER.length()));
      } else if (withProjector) {
        external = WeightNames.projector(e.getKey().substring(WeightNames.PROJECTOR.length()));
      } else {
        continue;
      }
      NDArray a = e.getValue();
      tensors.add(Tensor.ofFloats(external, a.getShape().getShape(), a.toFloatArray()));
      if (external.endsWith(".running_var")) {
        String bn = external.substring(0, external.length() - ".running_var".length());
        tensors.add(Tensor.ofLongs(bn + ".num_batches_tracked", new long[0], new long[] {batchesTracked}));
      }
    }
    return SafetensorsFile.of(metadata, tensors);
  }
}
