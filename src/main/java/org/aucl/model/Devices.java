package org.aucl.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.aucl.util.UserException;

/** Resolves the {@code --device} option: {@code auto} (a GPU if the engine sees one, else the CPU), {@code cpu}, {@code gpu}. */
public final class Devices {
  private Devices() {}

  public static Device resolve(String name) {
    String n = name == null ? "auto" : name.trim().toLowerCase(java.util.Locale.ROOT);
    int gpus = Engine.getInstance().getGpuCount();
    switch (n) {
      case "auto":
        return gpus > 0 ? Device.gpu() : Device.cpu();
      case "cpu":
        return Device.cpu();
      case "gpu":
        if (gpus == 0) {
          throw new UserException("--device gpu: no CUDA GPU is visible to PyTorch (build with ./mvnw -Pgpu package on a machine with an NVIDIA driver, or use --device cpu).");
        }
        return Device.gpu();
      default:
        throw new UserException("--device must be auto, cpu or gpu, got '" + name + "'.");
    }
  }
}
