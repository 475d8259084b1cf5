package org.aucl.train;

import ai.djl.engine.Engine;
import java.time.OffsetDateTime;
import java.util.List;

/** How a run was made, beside its configuration in config.json: versions, machine, command line. */
public record Provenance(
    String aucl, String djl, String engine, String engineVersion, String java, String os, int cores,
    String started, List<String> commandLine) {

  public static Provenance now(String auclVersion, String djlVersion, List<String> commandLine) {
    Engine e = Engine.getInstance();
    return new Provenance(
        auclVersion, djlVersion, e.getEngineName(), e.getVersion(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), OffsetDateTime.now().toString(), List.copyOf(commandLine));
  }

  /** config.json: the configuration and how it was made. */
  public record ConfigFile(PretrainConfig config, Provenance provenance) {}
}
