package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.data.TestFiles;
import org.aucl.loss.AucClPreset;
import org.aucl.spec.RunSpec;
import org.aucl.util.Json;
import org.aucl.util.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pretrain --recipe}: what a recipe resolves to, and given options winning over it. */
class RecipeTest {
  @TempDir static Path dataDir;

  @BeforeAll
  static void writeTinyFashionMnist() throws Exception {
    TestFiles.writeIdxSet(dataDir.resolve("fashion-mnist"), 20, true);
  }

  private static RunSpec parse(String... args) {
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    return PretrainArgs.spec(all.toArray(new String[0]));
  }

  @Test
  void officialCifarResolvesToTheAuthorsWholeRecipe() {
    RunSpec c = parse("--recipe", "official-cifar");
    assertEquals("official-cifar", c.recipe());
    assertEquals(AucClPreset.OFFICIAL_CIFAR, c.twoView().objective().auc().preset());
    assertEquals("adamw", c.optimizer().name());
    assertEquals(1e-3, c.optimizer().lr());
    assertEquals(1e-4, c.optimizer().weightDecay());
    assertTrue(c.optimizer().decayObjectiveVariables(), "the authors decay b");
    assertEquals(0.0, c.schedule().warmupEpochs());
    assertEquals(1.0, c.schedule().floorLrRatio(), "a constant rate");
    assertTrue(c.twoView().twoPassBatchNorm());
    assertEquals("cifar", c.net().stem());
    assertEquals("cifar", c.data().preset());
    assertEquals(512, c.net().projHidden());
    assertEquals(128, c.net().projOut());
    assertEquals("shifted-cosine", c.monitor().knnWeights());
    assertEquals(200, c.monitor().knnK());
    // what the recipe does not set stays the default job's
    RunSpec d = RunSpec.defaultJob();
    assertEquals(d.net().arch(), c.net().arch());
    assertEquals(d.schedule().batchSize(), c.schedule().batchSize());
    assertEquals(d.schedule().epochs(), c.schedule().epochs());
  }

  @Test
  void photos96ReadsShortSide96AndMakes96PixelViewsUnlessTold() {
    RunSpec c = parse("--recipe", "photos-96");
    assertEquals("photos-96", c.recipe());
    assertEquals(96, c.net().imageSize());
    assertEquals(96, c.data().shortSide());
    assertEquals("imagenet", c.data().preset());
    RunSpec told = parse("--image-size", "64", "--short-side", "80", "--preset", "cifar", "--recipe", "photos-96");
    assertEquals(64, told.net().imageSize());
    assertEquals(80, told.data().shortSide());
    assertEquals("cifar", told.data().preset());
  }

  @Test
  void theDefaultRecipeIsTheDefaultJobAndRecordsItsName() {
    RunSpec c = parse("--recipe", "default");
    assertEquals(Json.line(parse()), Json.line(c));
    assertEquals("default", c.recipe());
    assertFalse(c.optimizer().decayObjectiveVariables());
    assertEquals("similarity", c.monitor().knnWeights());
  }

  @Test
  void anOptionGivenExplicitlyBeatsTheRecipeWhereverItStands() {
    for (List<String> args : List.of(
        List.of("--recipe", "official-cifar", "--lr", "5e-4", "--bn-passes", "1"),
        List.of("--lr", "5e-4", "--bn-passes", "1", "--recipe", "official-cifar"))) {
      RunSpec c = parse(args.toArray(new String[0]));
      assertEquals(5e-4, c.optimizer().lr(), args.toString());
      assertFalse(c.twoView().twoPassBatchNorm(), args.toString());
      assertEquals(1e-4, c.optimizer().weightDecay(), "the rest of the recipe still applies");
      assertEquals("official-cifar", c.recipe());
    }
    assertEquals(AucClPreset.DEFAULT, parse("--recipe", "official-cifar", "--auc-preset", "default").twoView().objective().auc().preset());
  }

  @Test
  void aBaselineTakesTheRecipesTrainingSettingsButNotItsAucClLoss() {
    RunSpec c = parse("--recipe", "official-cifar", "--loss", "simclr");
    assertEquals("simclr", c.twoView().objective().loss());
    assertEquals(1e-3, c.optimizer().lr());
    assertTrue(c.twoView().twoPassBatchNorm());
  }

  @Test
  void anUnknownRecipeIsOneSentenceAndExitCodeTwo() {
    UserException e = assertThrows(UserException.class, () -> parse("--recipe", "official-imagenet"));
    assertEquals("unknown --recipe 'official-imagenet': expected one of default, official-cifar, photos-96.", e.getMessage());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    picocli.CommandLine cl = Cli.commandLine();
    cl.setErr(new PrintWriter(err, true));
    assertEquals(Cli.USER_ERROR, cl.execute("pretrain", "--data-dir", dataDir.toString(), "--recipe", "nope", "--out",
        dataDir.resolve("never").toString()));
    assertEquals("aucl: unknown --recipe 'nope': expected one of default, official-cifar, photos-96.", err.toString().trim());
    e = assertThrows(UserException.class, () -> parse("--recipe", "official-cifar", "--method", "teacher-student"));
    assertTrue(e.getMessage().contains("recipe for --method two-view"), e.getMessage());
  }

  @Test
  void theHelpListsTheRecipes() {
    String help = Cli.commandLine().getSubcommands().get("pretrain").getUsageMessage();
    assertTrue(help.contains("official-cifar: the authors' CIFAR recipe"), help);
    assertTrue(help.contains("(1 + cos) / 2 votes"), help);
  }
}
