package org.aucl.run;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aucl.augment.AugmentConfig;
import org.aucl.augment.ImageShape;
import org.aucl.augment.ViewPipeline;
import org.aucl.eval.FeatureKey;
import org.aucl.model.ContrastiveNet;
import org.aucl.spec.RunSpec;
import org.aucl.util.Json;
import org.aucl.util.UserException;

/**
 * One checkpoint of a pretraining run, opened read-only for evaluation: the run's configuration, the
 * checkpoint folder, and how images must be prepared for its network.
 */
public final class RunCheckpoint {
  private final RunDirectory run;
  private final RunSpec config;
  private final String which;
  private final Path dir;
  private final Checkpoints.State state;
  private String hash;

  private RunCheckpoint(RunDirectory run, RunSpec config, String which, Path dir, Checkpoints.State state) {
    this.run = run;
    this.config = config;
    this.which = which;
    this.dir = dir;
    this.state = state;
  }

  /** Opens checkpoint {@code which} ("last" or "best") of the run in {@code runDir}. */
  public static RunCheckpoint open(Path runDir, String which) {
    if (!which.equals("last") && !which.equals("best")) {
      throw new UserException("--checkpoint must be last or best, got '" + which + "'.");
    }
    RunDirectory run = new RunDirectory(runDir);
    if (!Files.isRegularFile(run.config())) {
      throw new UserException(runDir + " is not an aucl run directory (it has no config.json).");
    }
    Path dir = which.equals("last") ? run.lastCheckpoint() : run.bestCheckpoint();
    if (!Files.isRegularFile(dir.resolve("model.bin"))) {
      throw new UserException(runDir + " has no checkpoint '" + which + "' yet (" + dir.resolve("model.bin") + " is missing).");
    }
    RunSpec config = Json.read(run.config(), Provenance.ConfigFile.class).config();
    return new RunCheckpoint(run, config, which, dir, Checkpoints.readState(dir));
  }

  /** A network with this checkpoint's weights; the caller closes it. */
  public ContrastiveNet loadNet(Device device) {
    ContrastiveNet net = config.method().evalNet(config.net(), device, config.seed()); // a teacher-student run: the teacher
    try {
      Checkpoints.load(dir, "model", net::load);
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /**
   * The evaluation transform for images of shape {@code in} (already with the network's channels): the
   * run's own (normalise as in training), resizing to the network's image size when {@code in} differs.
   */
  public ViewPipeline evalTransform(ImageShape in) {
    return evalTransform(in, false);
  }

  /** As {@link #evalTransform(ImageShape)}, for images of their own shapes when {@code shapesVary} ({@code in} nominal). */
  public ViewPipeline evalTransform(ImageShape in, boolean shapesVary) {
    AugmentConfig aug = config.augment().toBuilder().optOutputSize(config.net().imageSize()).build();
    return aug.eval(in, shapesVary);
  }

  /** Hash of the checkpoint's files, computed once: what cached features are keyed by. */
  public synchronized String contentHash() {
    if (hash == null) {
      hash = FeatureKey.hashFolder(dir);
    }
    return hash;
  }

  public RunDirectory run() {
    return run;
  }

  public RunSpec config() {
    return config;
  }

  public String which() {
    return which;
  }

  public Path dir() {
    return dir;
  }

  public Checkpoints.State state() {
    return state;
  }

  /** Channels of the images the network takes. */
  public int channels() {
    return config.net().inChannels();
  }

  /** Side of the (square) images the network takes. */
  public int imageSize() {
    return config.net().imageSize();
  }
}
