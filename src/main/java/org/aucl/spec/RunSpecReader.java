package org.aucl.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.aucl.augment.AugmentConfig;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.method.teacher.TeacherStudentConfig;
import org.aucl.method.teacher.TeacherStudentMethod;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;

/**
 * Reads a {@link RunSpec} from config.json, in today's form or in the older ones: before the method
 * was one object, config.json held {@code "method": "two-view"} (or nothing, before methods existed)
 * with the objective, {@code twoPassBatchNorm} and the teacher-student settings beside it; before
 * recipes, safety settings and kNN vote weights existed, those fields were absent.
 */
final class RunSpecReader extends StdDeserializer<RunSpec> {
  RunSpecReader() {
    super(RunSpec.class);
  }

  @Override
  public RunSpec deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
    ObjectCodec codec = p.getCodec();
    JsonNode n = codec.readTree(p);
    return new RunSpec(
        n.hasNonNull("recipe") ? n.get("recipe").asText() : RunSpec.DEFAULT_RECIPE,
        codec.treeToValue(n.get("data"), DataSpec.class),
        codec.treeToValue(n.get("augment"), AugmentConfig.class),
        codec.treeToValue(n.get("net"), NetConfig.class),
        method(n, codec),
        codec.treeToValue(n.get("optimizer"), OptimizerConfig.class),
        codec.treeToValue(n.get("schedule"), Schedule.class),
        codec.treeToValue(n.get("monitor"), Monitor.class),
        n.path("device").asText(RunSpec.DEFAULT_DEVICE),
        n.path("seed").asLong(RunSpec.DEFAULT_SEED),
        n.hasNonNull("safety") ? codec.treeToValue(n.get("safety"), Safety.class) : Safety.DEFAULT);
  }

  private static MethodSpec method(JsonNode n, ObjectCodec codec) throws IOException {
    JsonNode m = n.get("method");
    if (m != null && m.isObject()) {
      return codec.treeToValue(m, MethodSpec.class);
    }
    String name = m == null || m.isNull() ? TwoViewSpec.defaults().name() : m.asText();
    if (name.equals(TeacherStudentMethod.NAME)) {
      return new TeacherStudentSpec(
          n.hasNonNull("teacher") ? codec.treeToValue(n.get("teacher"), TeacherStudentConfig.class) : null);
    }
    return new TwoViewSpec(codec.treeToValue(n.get("objective"), ObjectiveConfig.class), n.path("twoPassBatchNorm").asBoolean());
  }
}
