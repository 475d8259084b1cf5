package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aucl.testkit.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authors' recipe through {@code Main}, as a user types it, the dataset before or after it. */
class RecipeEndToEndTest {
  private static final String DATA = "synthetic:n=128,test=64,size=16,channels=1,classes=4,seed=5";
  @TempDir Path tmp;

  private CommandRun pretrain(String name, boolean datasetFirst) {
    List<String> args = new ArrayList<>(List.of("pretrain"));
    List<String> dataset = List.of("--dataset", DATA);
    if (datasetFirst) {
      args.addAll(dataset);
    }
    args.addAll(List.of("--recipe", "official-cifar", "--width", "0.25", "--proj-hidden", "32", "--proj-out", "16",
        "--epochs", "1", "--batch-size", "32", "--knn-every", "0", "--final-evals", "none", "--quiet",
        "--out", tmp.resolve(name).toString()));
    if (!datasetFirst) {
      args.addAll(dataset);
    }
    return CommandRun.of(args);
  }

  @Test
  void theRecipeTrainsWhereverTheOtherOptionsStand() throws Exception {
    for (boolean first : new boolean[] {true, false}) {
      String name = first ? "first" : "last";
      CommandRun r = pretrain(name, first);
      assertEquals(0, r.exit(), r.toString());
      JsonNode config = new ObjectMapper().readTree(tmp.resolve(name).resolve("config.json").toFile()).path("config");
      assertEquals("official-cifar", config.path("recipe").asText());
      assertEquals("OFFICIAL_CIFAR", config.at("/method/objective/auc/preset").asText());
      assertEquals(1e-3, config.at("/optimizer/lr").asDouble(), 0);
      assertEquals(0.25, config.at("/net/width").asDouble(), 0, "a given option wins over the recipe");
    }
  }
}
