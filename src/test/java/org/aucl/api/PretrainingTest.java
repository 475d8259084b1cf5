package org.aucl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.aucl.run.Provenance;
import org.aucl.spec.RunSpec;
import org.aucl.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short pretraining from Java, through the README's example, makes a run directory like the command's. */
class PretrainingTest {
  @TempDir Path tmp;

  @Test
  void theReadmesPretrainingExampleRunsAndItsRunReadsLikeAnyOther() throws Exception {
    ReadmeExamples.assertQuoted("PretrainingExample.java");
    Path image = tmp.resolve("image.png");
    BufferedImage picture = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        picture.getRaster().setSample(x, y, 0, (x * 16 + y * 7) % 256);
      }
    }
    ImageIO.write(picture, "png", image.toFile());
    Path run = tmp.resolve("run");
    float[] e = PretrainingExample.pretrainAndEmbed("synthetic:n=256,test=64,size=16,channels=1,classes=4,seed=2", run, image);
    double norm = 0;
    for (float v : e) {
      norm += v * v;
    }
    assertEquals(1.0, norm, 1e-4);
    assertTrue(Files.isRegularFile(run.resolve("summary.json")));
    RunSpec spec = Json.read(run.resolve("config.json"), Provenance.ConfigFile.class).config();
    assertEquals(1, spec.schedule().epochs());
    assertEquals(RunSpec.defaultJob().net().arch(), spec.net().arch());
  }
}
