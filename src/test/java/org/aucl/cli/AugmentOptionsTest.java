package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aucl.augment.AugmentConfig;
import org.aucl.augment.AugmentPresets;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

class AugmentOptionsTest {
  @Command(name = "host")
  static final class Host {
    @Mixin AugmentOptions augment;
  }

  private static AugmentConfig parse(String... args) {
    Host h = new Host();
    new CommandLine(h).parseArgs(args);
    return h.augment.build(AugmentPresets.config("cifar"), 0);
  }

  @Test
  void noOptionKeepsThePreset() {
    assertEquals(AugmentPresets.config("cifar").toString(), parse().toString());
  }

  @Test
  void everyOptionReachesTheConfig() {
    AugmentConfig c = parse("--crop-scale", "0.3,0.9", "--flip", "0", "--jitter", "0.8,0.7,0,0,1", "--blur", "0.5",
        "--solarize", "0,0.2");
    assertEquals(0.3, c.scaleMin());
    assertEquals(0.9, c.scaleMax());
    assertEquals(0.0, c.flipP());
    assertEquals(0.8, c.brightness());
    assertEquals(0.7, c.contrast());
    assertEquals(0.0, c.saturation());
    assertEquals(1.0, c.jitterP());
    assertEquals(0.5, c.blurP1());
    assertEquals(0.5, c.blurP2());
    assertEquals(0.0, c.solarizeP1());
    assertEquals(0.2, c.solarizeP2());
    // the knobs not named keep the preset's values
    assertEquals(AugmentPresets.config("cifar").grayP(), c.grayP());
  }

  @Test
  void wrongCountsAndRangesAreOneSentence() {
    String m = assertThrows(UserException.class, () -> parse("--jitter", "0.8,0.8")).getMessage();
    assertTrue(m.startsWith("--jitter takes 5 numbers"), m);
    m = assertThrows(UserException.class, () -> parse("--blur", "0.1,0.2,0.3")).getMessage();
    assertTrue(m.startsWith("--blur takes 2 numbers"), m);
    m = assertThrows(UserException.class, () -> parse("--crop-scale", "0.5")).getMessage();
    assertTrue(m.startsWith("--crop-scale takes 2 numbers"), m);
    m = assertThrows(UserException.class, () -> parse("--flip", "1.5")).getMessage();
    assertTrue(m.startsWith("augmentation: "), m);
  }
}
