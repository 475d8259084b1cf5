package org.aucl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aucl.run.Provenance;
import org.aucl.testkit.CommandRun;
import org.aucl.train.TrainingFaults;
import org.aucl.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config.json files written before the run specification existed (test resources
 * {@code legacy-config/}: a two-view run, the authors' recipe, a teacher-student run, as the earlier
 * format wrote them) read into today's {@link RunSpec} field for field, and such a run resumes.
 */
class LegacyConfigTest {
  private static final List<String> NAMES = List.of("two-view", "official-cifar", "teacher-student");

  @TempDir Path tmp;

  private static JsonNode legacy(String name) throws Exception {
    try (InputStream in = LegacyConfigTest.class.getResourceAsStream("/legacy-config/" + name + ".json")) {
      return Json.MAPPER.readTree(in);
    }
  }

  private static RunSpec read(String name) throws Exception {
    return Json.MAPPER.treeToValue(legacy(name), Provenance.ConfigFile.class).config();
  }

  @Test
  void everyOldFieldReadsIntoTheSpecification() throws Exception {
    for (String name : NAMES) {
      JsonNode old = legacy(name).path("config");
      RunSpec spec = read(name);
      JsonNode now = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(spec)); // as config.json holds it
      for (String part : List.of("recipe", "augment", "net", "optimizer", "schedule", "device", "seed", "safety")) {
        assertEquals(old.get(part), now.get(part), name + ": " + part);
      }
      old.get("monitor").fieldNames().forEachRemaining(
          field -> assertEquals(old.get("monitor").get(field), now.get("monitor").get(field), name + ": monitor." + field));
      // added since: an old run's monitor classified the test split
      assertEquals("test", now.get("monitor").get("split").asText(), name);
      old.get("data").fieldNames().forEachRemaining(
          field -> assertEquals(old.get("data").get(field), now.get("data").get(field), name + ": data." + field));
      // fields added since: an old run read its image folders by class folders and stopped at a bad file
      assertEquals("folders", now.get("data").get("labels").asText(), name);
      assertEquals("stop", now.get("data").get("onBadImage").asText(), name);
      assertEquals(old.get("method").asText(), spec.method().name(), name);
      if (spec.method() instanceof TwoViewSpec t) {
        assertEquals(old.get("objective"), Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(t.objective())), name + ": objective");
        assertEquals(old.get("twoPassBatchNorm").asBoolean(), t.twoPassBatchNorm(), name);
      } else {
        TeacherStudentSpec ts = assertInstanceOf(TeacherStudentSpec.class, spec.method());
        assertEquals(old.get("teacher"), Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(ts.settings())), name + ": teacher-student settings");
        assertTrue(!now.path("method").has("objective"), "a teacher-student run records no objective");
      }
      // and today's form reads back to the same specification
      assertEquals(Json.line(spec), Json.line(Json.MAPPER.treeToValue(now, RunSpec.class)), name);
    }
  }

  @Test
  void aRunStartedInTheOldFormatStopsMidEpochAndResumesToItsEnd() throws Exception {
    for (String name : List.of("two-view", "teacher-student")) {
      Path run = Files.createDirectories(tmp.resolve(name));
      Files.writeString(run.resolve("config.json"), Json.MAPPER.writeValueAsString(legacy(name)));
      try (TrainingFaults.Installed kill = TrainingFaults.install(new TrainingFaults() {
        @Override
        public boolean killAfterStep(long step) {
          return step >= 3;
        }
      })) {
        CommandRun first = CommandRun.of("pretrain", "--resume", run.toString(), "--quiet", "--final-evals", "none");
        assertEquals(0, first.exit(), first.toString());
      }
      assertTrue(Files.isRegularFile(run.resolve("checkpoints/last/state.json")), name + ": a mid-epoch checkpoint");
      CommandRun rest = CommandRun.of("pretrain", "--resume", run.toString(), "--quiet", "--final-evals", "none");
      assertEquals(0, rest.exit(), rest.toString());
      assertTrue(rest.out().contains("resuming"), rest.out());
      assertTrue(Files.isRegularFile(run.resolve("summary.json")), name + ": finished");
    }
  }
}
