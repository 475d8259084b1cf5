package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aucl.loss.AucClDefaults;
import org.aucl.loss.AucClPreset;
import org.aucl.loss.AucClSettings;
import org.aucl.loss.NegativeReduction;
import org.aucl.loss.NegativeSet;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

class ObjectiveOptionsTest {
  @Command(name = "host")
  static final class Host {
    @Mixin ObjectiveOptions objective;
  }

  private static ObjectiveConfig parse(String... args) {
    Host h = new Host();
    new CommandLine(h).parseArgs(args);
    return h.objective.toConfig();
  }

  private static String refusal(String... args) {
    return assertThrows(UserException.class, () -> parse(args)).getMessage();
  }

  @Test
  void defaultsAreAucClDefaultPreset() {
    ObjectiveConfig c = parse();
    assertEquals("auc-cl", c.loss());
    assertEquals(AucClSettings.defaults(), c.auc());
    assertEquals(0.5, c.temperature());
  }

  @Test
  void everyAucKnobMapsToTheRecord() {
    AucClSettings s = parse("--auc-a", "2", "--auc-a-learnable", "--auc-b", "0.3", "--auc-b-learnable=false",
        "--auc-alpha", "0.5", "--auc-alpha-ascent", "--auc-alpha-lr", "0.1", "--auc-margin", "0.6", "--auc-neg-weight", "3",
        "--auc-include-partner", "--auc-neg-reduction", "sum", "--auc-clamp-positives").auc();
    assertEquals(2, s.a());
    assertTrue(s.aLearnable());
    assertEquals(0.3, s.b());
    assertFalse(s.bLearnable());
    assertEquals(0.5, s.alpha());
    assertTrue(s.alphaAscent());
    assertEquals(0.1, s.alphaLr());
    assertEquals(0.6, s.margin());
    assertEquals(3, s.negWeight());
    assertEquals(NegativeSet.ALL_OTHERS, s.negatives());
    assertEquals(NegativeReduction.SUM, s.reduction());
    assertTrue(s.clampPositives());
    assertFalse(parse("--auc-alpha-ascent=false").auc().alphaAscent());
  }

  @Test
  void presetsAndBaselines() {
    assertEquals(AucClPreset.OFFICIAL_CIFAR.settings(), parse("--auc-preset", "official-cifar").auc());
    assertEquals(AucClPreset.IMAGENET_WEIGHTING.settings(), parse("--auc-preset", "imagenet-weighting").auc());
    assertEquals("simclr", parse("--loss", "nt-xent", "--temperature", "0.2").loss());
    assertEquals(0.2, parse("--loss", "dcl", "--temperature", "0.2").temperature());
    assertEquals(0.8, parse("--loss", "sogclr", "--sogclr-gamma", "0.8").sogclrGamma());
  }

  @Test
  void impossibleCombinationsAreRefusedInOneSentence() {
    assertEquals("--auc-a cannot be combined with --auc-preset official-cifar, which fixes every AUC-CL knob;"
        + " use --auc-preset default to change it.", refusal("--auc-preset", "official-cifar", "--auc-a", "1"));
    assertEquals("--auc-margin applies only to --loss auc-cl, not to simclr.", refusal("--loss", "simclr", "--auc-margin", "1"));
    assertEquals("--temperature applies to simclr, dcl and sogclr, not to auc-cl.", refusal("--temperature", "0.5"));
    assertEquals("--sogclr-gamma applies only to --loss sogclr, not to dcl.", refusal("--loss", "dcl", "--sogclr-gamma", "0.5"));
    assertTrue(refusal("--loss", "dcl", "--temperature", "0").startsWith("The temperature must be"));
    assertTrue(refusal("--loss", "foo").startsWith("--loss: Unknown loss 'foo'"));
    assertTrue(refusal("--auc-preset", "official").startsWith("Unknown AUC-CL preset 'official'"));
    assertEquals("The AUC-CL preset 'official-imagenet' is now called 'imagenet-weighting', as it carries only"
        + " the weighting of the authors' teacher-student script.", refusal("--auc-preset", "official-imagenet"));
    assertTrue(refusal("--auc-neg-reduction", "median").startsWith("Unknown negative reduction 'median'"));
    assertTrue(refusal("--auc-alpha-ascent=false", "--auc-alpha-lr", "0.1").startsWith("--auc-alpha-lr has no effect"));
    assertEquals("--auc-alpha-lr has no effect while alpha is fixed; add --auc-alpha-ascent or drop --auc-alpha-lr.",
        refusal("--auc-alpha-lr", "0.1"));
    assertTrue(refusal("--auc-alpha", "-1").startsWith("AUC-CL alpha must be"));
  }

  @Test
  void defaultsComeFromTheirOwners() {
    AucClSettings ascent = parse("--auc-alpha-ascent").auc();
    assertTrue(ascent.alphaAscent());
    assertEquals(AucClDefaults.ALPHA_LR, ascent.alphaLr(), "the preset's step size");
    assertEquals(0.01, AucClDefaults.ALPHA_LR);
    assertEquals(ObjectiveConfig.DEFAULT_TEMPERATURE, parse("--loss", "simclr").temperature());
    assertEquals(ObjectiveConfig.DEFAULT_TEMPERATURE, parse("--loss", "dcl").temperature());
    assertEquals(ObjectiveConfig.DEFAULT_SOGCLR_TEMPERATURE, parse("--loss", "sogclr").temperature());
    assertEquals(ObjectiveConfig.DEFAULT_SOGCLR_GAMMA, parse("--loss", "sogclr").sogclrGamma());
    var spec = new CommandLine(new Host()).getCommandSpec();
    assertEquals("Temperature of simclr and dcl (default: 0.5) and of sogclr (default: 0.1); at least 0.01.",
        String.join(" ", spec.findOption("--temperature").description()));
    assertTrue(String.join(" ", spec.findOption("--sogclr-gamma").description()).contains("(default: 0.9)"));
  }

  /** The help of each AUC-CL knob names the default preset's value, so it must follow the preset. */
  @Test
  void helpStatesTheDefaultPresetsValues() {
    AucClSettings d = AucClSettings.defaults();
    var spec = new CommandLine(new Host()).getCommandSpec();
    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("--auc-a", number(d.a()));
    expected.put("--auc-a-learnable", Boolean.toString(d.aLearnable()));
    expected.put("--auc-b", number(d.b()));
    expected.put("--auc-b-learnable", Boolean.toString(d.bLearnable()));
    expected.put("--auc-alpha", number(d.alpha()));
    expected.put("--auc-alpha-ascent", Boolean.toString(d.alphaAscent()));
    expected.put("--auc-alpha-lr", number(d.alphaLr()));
    expected.put("--auc-margin", number(d.margin()));
    expected.put("--auc-neg-weight", number(d.negWeight()));
    expected.put("--auc-include-partner", Boolean.toString(d.negatives() == NegativeSet.ALL_OTHERS));
    expected.put("--auc-neg-reduction", d.reduction().toString());
    expected.put("--auc-clamp-positives", Boolean.toString(d.clampPositives()));
    expected.forEach((option, value) -> {
      String help = String.join(" ", spec.findOption(option).description());
      assertTrue(help.contains("(default preset: " + value + ")"), option + ": " + help);
    });
  }

  private static String number(double v) {
    return Double.toString(v);
  }
}
