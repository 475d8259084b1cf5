package org.aucl.cli;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aucl.augment.Augmentation;
import org.aucl.augment.ImageShape;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.eval.KnnResult;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.Devices;
import org.aucl.train.Checkpoints;
import org.aucl.train.KnnMonitor;
import org.aucl.train.Methods;
import org.aucl.train.PretrainConfig;
import org.aucl.train.Provenance;
import org.aucl.util.Json;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aucl eval knn RUN_DIR}: the weighted kNN of a run's checkpoint, with any k or weighting. */
@Command(
    name = "knn",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Weighted kNN top-1/top-5 of a run's checkpoint on its dataset's test split.")
public final class EvalKnnCommand implements Callable<Integer> {
  @Mixin VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory made by 'aucl pretrain'.")
  Path runDir;

  @Option(names = "--checkpoint", description = "last or best. Default: ${DEFAULT-VALUE}.")
  String checkpoint = "last";

  @Option(names = "--knn-k", description = "Neighbours (default: the run's).")
  Integer knnK;

  @Option(names = "--knn-temperature", description = "0: votes weighted by similarity; t > 0: by exp(sim / t) (default: the run's).")
  Double knnTemperature;

  @Option(names = "--knn-bank", description = "Bank size, 0 = the whole training split (default: the run's).")
  Integer knnBank;

  @Option(names = "--device", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  String device = "auto";

  @Override
  public Integer call() {
    if (!checkpoint.equals("last") && !checkpoint.equals("best")) {
      throw new UserException("--checkpoint must be last or best, got '" + checkpoint + "'.");
    }
    Path config = runDir.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      throw new UserException(runDir + " is not an aucl run directory (it has no config.json).");
    }
    PretrainConfig cfg = Json.read(config, Provenance.ConfigFile.class).config();
    Path ckpt = runDir.resolve("checkpoints").resolve(checkpoint);
    Checkpoints.State state = Checkpoints.readState(ckpt);
    PretrainConfig.Monitor m = cfg.monitor();
    PretrainConfig.Monitor settings =
        new PretrainConfig.Monitor(
            knnK != null ? knnK : m.knnK(), m.knnEvery(),
            knnTemperature != null ? knnTemperature : m.knnTemperature(), knnBank != null ? knnBank : m.knnBank());

    Path dataDir = Path.of(cfg.data().dataDir());
    ImageDataset train = Datasets.open(cfg.data().dataset(), "train", dataDir);
    ImageDataset test = Datasets.open(cfg.data().dataset(), "test", dataDir);
    Augmentation aug =
        Augmentation.of(
            cfg.data().preset(), cfg.augment(), new ImageShape(train.channels(), train.height(), train.width()));
    Device dev = Devices.resolve(device);
    try (ContrastiveNet net = Methods.evalNet(cfg, dev)) {
      Checkpoints.load(ckpt, "model", net::load);
      KnnResult r = new KnnMonitor(settings, train, test, aug.eval(), cfg.seed()).evaluate(net, net.manager());
      System.out.printf(
          "%s, checkpoint %s (epoch %d): kNN k=%d, %s votes, bank %d: top-1 %.2f%%%s%n",
          runDir, checkpoint, state.epoch(), r.k(),
          settings.knnTemperature() > 0 ? "exp(sim/" + settings.knnTemperature() + ")" : "similarity",
          settings.knnBank() > 0 ? settings.knnBank() : train.size(), 100 * r.top1(),
          Double.isNaN(r.top5()) ? "" : String.format(", top-5 %.2f%%", 100 * r.top5()));
    }
    return 0;
  }
}
