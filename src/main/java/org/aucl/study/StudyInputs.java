package org.aucl.study;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.augment.Augmentation;
import org.aucl.augment.ImageShape;
import org.aucl.data.DatasetSource;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.data.Subsets;
import org.aucl.loss.AucClObjective;
import org.aucl.loss.AucClSettings;
import org.aucl.loss.ContrastiveObjective;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.loss.Objectives;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.MemoryFormat;
import org.aucl.model.NetConfig;
import org.aucl.model.NetworkCheck;
import org.aucl.run.Checkpoints;
import org.aucl.run.Provenance;
import org.aucl.run.RunCheckpoint;
import org.aucl.spec.RunSpec;
import org.aucl.spec.TwoViewSpec;
import org.aucl.util.Json;
import org.aucl.util.UserException;

/** What the gradient study takes from a run: its pool of fixed views, and the losses with their settings. */
public final class StudyInputs {
  private StudyInputs() {}

  /** Refuses a run whose network is not the two-view method's encoder and projector. */
  public static TwoViewSpec twoView(RunCheckpoint ckpt) {
    if (!(ckpt.config().method() instanceof TwoViewSpec spec)) {
      throw new UserException("study gradient-bias needs a two-view run (encoder and projector); "
          + ckpt.run().root() + " was trained by the " + ckpt.config().method().name() + " method.");
    }
    return spec;
  }

  /** The largest batch of the layout check, as pretraining checks it (docs/MODELS.md, "Whole-network check"). */
  private static final int CHECK_BATCH = 64;
  private static final long CHECK_PIXELS = 64L * 32 * 32;

  /**
   * The checkpoint's network, in a layout whose float32 gradients this processor computes right: the
   * one the run trained in (recorded in config.json, chosen by pretraining's check), kept unless
   * {@link NetworkCheck} shows it wrong at the chunk's size (up to 64 images). The check passes or
   * fails by draws, so the layout training settled on is the first one tried. The caller closes it.
   */
  public static ContrastiveNet net(RunCheckpoint ckpt, Device device, int chunk) {
    ContrastiveNet net = ckpt.loadNet(device);
    try {
      MemoryFormat trained = trainedLayout(ckpt);
      if (trained != null && !device.isGpu() && !NetConfig.isVitArch(ckpt.config().net().arch())) {
        net.useMemoryFormat(trained);
      }
      int side = ckpt.imageSize();
      int batch = (int) Math.max(2, Math.min(Math.min(chunk, CHECK_BATCH), CHECK_PIXELS / ((long) side * side)));
      MemoryFormat layout = NetworkCheck.chooseLayout(net, batch);
      if (layout != net.memoryFormat()) {
        net.useMemoryFormat(layout);
      }
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /** The layout config.json records for the run's network, or null when it records none. */
  private static MemoryFormat trainedLayout(RunCheckpoint ckpt) {
    Provenance p = Json.read(ckpt.run().config(), Provenance.ConfigFile.class).provenance();
    String label = p == null ? null : p.memoryFormat();
    for (MemoryFormat f : MemoryFormat.values()) {
      if (f.label().equals(label)) {
        return f;
      }
    }
    return null;
  }

  /**
   * {@code pool} images of the run's training split (a balanced subset drawn from {@code seed}), each
   * with the run's two training views drawn once from {@code seed}.
   */
  public static FixedViews views(RunCheckpoint ckpt, Path dataDir, int pool, long seed) {
    RunSpec cfg = ckpt.config();
    DatasetSource src = Datasets.locate(cfg.data().dataset(), dataDir, cfg.data().readOptions(cfg.net().imageSize()));
    ImageDataset train = Datasets.verified(src.open(src.splits().contains("train") ? "train" : DatasetSource.ALL));
    if (pool > train.size()) {
      throw new UserException("--pool " + pool + " is larger than the run's training split (" + train.size() + " images).");
    }
    ImageShape shape = new ImageShape(train.channels(), train.height(), train.width());
    Augmentation aug = Augmentation.of(cfg.data().preset(), cfg.augment(), shape);
    if (aug.channels() != cfg.net().inChannels() || aug.outputSize() != cfg.net().imageSize()) {
      throw new UserException("the network takes " + cfg.net().inChannels() + "x" + cfg.net().imageSize() + "x"
          + cfg.net().imageSize() + " images but " + cfg.data().dataset() + " gives " + aug.output()
          + "; the run's config.json does not match its dataset.");
    }
    return FixedViews.draw(Subsets.balanced(train, pool, seed), shape, aug.view1(), aug.view2(), seed);
  }

  /**
   * The losses named (auc-cl, simclr, dcl), none of them learning anything: AUC-CL with the run's
   * settings if the run trained AUC-CL (a, b and alpha held at the checkpoint's values), else the
   * {@code default} preset at its starting values; SimCLR and DCL at {@code temperature}. The objectives
   * are added to {@code opened}, which the caller closes.
   */
  public static List<GradientBiasStudy.NamedLoss> losses(RunCheckpoint ckpt, List<String> names, double temperature,
      NDManager manager, List<ContrastiveObjective> opened) {
    List<GradientBiasStudy.NamedLoss> out = new ArrayList<>();
    for (String n : names) {
      String name = Objectives.canonical(n);
      ObjectiveConfig config;
      String describe;
      if (name.equals(AucClObjective.NAME)) {
        AucClSettings s = heldAuc(ckpt, manager);
        config = ObjectiveConfig.of(name).withAuc(s);
        describe = String.format("%s: preset %s, a = %.4g, b = %.4g, alpha = %.4g, w = %.4g, m = %.4g (a, b and alpha held fixed)",
            name, s.preset(), s.a(), s.b(), s.alpha(), s.negWeight(), s.margin());
      } else if (name.equals("simclr") || name.equals("dcl")) {
        config = ObjectiveConfig.of(name).withTemperature(temperature);
        describe = String.format("%s: temperature %.4g", name, temperature);
      } else {
        throw new IllegalArgumentException("The gradient study takes auc-cl, simclr and dcl; " + name
            + " keeps per-image state that changes as batches are drawn.");
      }
      ContrastiveObjective o = Objectives.create(config);
      opened.add(o);
      o.initialize(manager, 1);
      out.add(new GradientBiasStudy.NamedLoss(name, describe, PairLoss.of(o)));
    }
    return out;
  }

  /** AUC-CL's settings with a, b and alpha fixed: the run's at its checkpoint, else the default preset's. */
  static AucClSettings heldAuc(RunCheckpoint ckpt, NDManager manager) {
    ObjectiveConfig run = ckpt.config().method() instanceof TwoViewSpec t ? t.objective() : null;
    boolean ownRun = run != null && Objectives.canonical(run.loss()).equals(AucClObjective.NAME);
    AucClSettings s = ownRun ? run.auc() : AucClSettings.defaults();
    double a = s.a();
    double b = s.b();
    double alpha = s.alpha();
    Path state = ckpt.dir().resolve("objective.bin");
    if (ownRun && Files.isRegularFile(state)) {
      try (AucClObjective trained = new AucClObjective(s); NDManager tmp = manager.newSubManager()) {
        trained.initialize(tmp, 1);
        Checkpoints.load(ckpt.dir(), "objective", trained::load);
        a = trained.a();
        b = trained.b();
        alpha = trained.alpha();
      }
    }
    return s.toBuilder().optA(a, false).optB(b, false).optAlpha(alpha, false, 0).build();
  }
}
