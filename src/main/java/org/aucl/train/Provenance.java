package org.aucl.train;

import ai.djl.engine.Engine;
import java.time.OffsetDateTime;
import java.util.List;
import org.aucl.model.MemoryFormat;

/**
 * How a run was made, beside its configuration in config.json: versions, machine, command line, and the
 * network's activation layout ({@link MemoryFormat}; it changes no value beyond rounding, so it is not part
 * of the configuration; null in runs made before it existed).
 */
public record Provenance(
    String aucl, String djl, String engine, String engineVersion, String java, String os, int cores,
    String started, List<String> commandLine, String memoryFormat) {

  /** Provenance of work on the engine's default device, the layout being the one a ResNet uses there. */
  public static Provenance now(String auclVersion, String djlVersion, List<String> commandLine) {
    return now(auclVersion, djlVersion, commandLine, MemoryFormat.forDevice(Engine.getInstance().defaultDevice()));
  }

  /** Provenance of a run whose network uses {@code layout}. */
  public static Provenance now(String auclVersion, String djlVersion, List<String> commandLine, MemoryFormat layout) {
    Engine e = Engine.getInstance();
    return new Provenance(
        auclVersion, djlVersion, e.getEngineName(), e.getVersion(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), OffsetDateTime.now().toString(), List.copyOf(commandLine),
        layout.label());
  }

  /** config.json: the configuration and how it was made. */
  public record ConfigFile(PretrainConfig config, Provenance provenance) {}
}
