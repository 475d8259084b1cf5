package org.aucl.cli;

import ai.djl.Device;
import org.aucl.model.Devices;
import org.aucl.spec.RunSpec;
import picocli.CommandLine.Option;

/** {@code --device}, declared once for every command that runs a network. */
public final class DeviceOption {
  @Option(names = "--device", paramLabel = "auto|cpu|gpu",
      description = "Where the network runs: auto (a GPU if PyTorch sees one, else the CPU), cpu or gpu; default "
          + RunSpec.DEFAULT_DEVICE + ".")
  String device;

  /** The name given, or null. */
  String given() {
    return device;
  }

  /** The name given, else the default. */
  String name() {
    return device != null ? device : RunSpec.DEFAULT_DEVICE;
  }

  Device resolve() {
    return Devices.resolve(name());
  }
}
