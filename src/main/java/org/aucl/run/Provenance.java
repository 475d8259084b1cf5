package org.aucl.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.time.OffsetDateTime;
import java.util.List;
import org.aucl.model.ConvChannels;
import org.aucl.model.MemoryFormat;
import org.aucl.spec.RunSpec;
import org.aucl.util.Processor;

/**
 * How a run was made, beside its configuration in config.json: versions, machine, processor, command
 * line, the network's activation layout ({@link MemoryFormat}; it changes no value beyond rounding, so
 * it is not part of the configuration) and the rule that kept its convolutions off kernels shown wrong
 * ({@link ConvChannels#rule}). Fields added later read as null from older runs.
 */
public record Provenance(
    String aucl, String djl, String engine, String engineVersion, String java, String os, int cores,
    String started, List<String> commandLine, String memoryFormat, String processor, String kernelRule) {

  /** Provenance of work on the engine's default device, the layout being the one a ResNet uses there. */
  public static Provenance now(String auclVersion, String djlVersion, List<String> commandLine) {
    Device device = Engine.getInstance().defaultDevice();
    return now(auclVersion, djlVersion, commandLine, MemoryFormat.forDevice(device), device);
  }

  /** Provenance of a run on {@code device} whose network uses {@code layout}. */
  public static Provenance now(
      String auclVersion, String djlVersion, List<String> commandLine, MemoryFormat layout, Device device) {
    Engine e = Engine.getInstance();
    return new Provenance(
        auclVersion, djlVersion, e.getEngineName(), e.getVersion(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), OffsetDateTime.now().toString(), List.copyOf(commandLine),
        layout.label(), Processor.describe(), ConvChannels.rule(device));
  }

  /**
   * config.json: the configuration, how it was made, the images it was made on (null in runs made
   * before this was recorded, and in a sweep's runs), and where its weights came from when not from its
   * training alone (null for a run trained from scratch: {@link WeightsOrigin}).
   */
  public record ConfigFile(RunSpec config, Provenance provenance, ImageIndex images, WeightsOrigin weights) {
    public ConfigFile(RunSpec config, Provenance provenance) {
      this(config, provenance, null, null);
    }

    public ConfigFile(RunSpec config, Provenance provenance, ImageIndex images) {
      this(config, provenance, images, null);
    }
  }
}
