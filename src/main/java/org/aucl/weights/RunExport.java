package org.aucl.weights;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aucl.model.ContrastiveNet;
import org.aucl.run.RunCheckpoint;
import org.aucl.util.Versions;

/** A run's checkpoint written as a safetensors file ({@code aucl export}). */
public final class RunExport {
  private RunExport() {}

  /**
   * Writes {@code ckpt}'s encoder (and projector, {@code withProjector}) to {@code out}, with the
   * metadata a loader needs ({@link WeightsMetadata}) and which run and checkpoint it came from.
   */
  public static SafetensorsFile write(RunCheckpoint ckpt, boolean withProjector, Path out) {
    try (ContrastiveNet net = ckpt.loadNet(Device.cpu())) {
      Map<String, String> meta = new LinkedHashMap<>(new WeightsMetadata(net.config(), ckpt.config().augment().mean(),
          ckpt.config().augment().std(), withProjector, "aucl " + Versions.aucl()).toMap());
      meta.put("checkpoint", ckpt.which());
      meta.put("epoch", Integer.toString(ckpt.state().epoch()));
      meta.put("step", Long.toString(ckpt.state().step()));
      SafetensorsFile file = WeightExport.of(net, withProjector, ckpt.state().step(), meta);
      SafetensorsWriter.write(out, file);
      return file;
    }
  }
}
