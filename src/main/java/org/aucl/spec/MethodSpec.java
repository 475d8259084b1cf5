package org.aucl.spec;

import ai.djl.Device;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.aucl.method.PretrainMethod;
import org.aucl.method.TwoViewMethod;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;

/**
 * Which pretraining method a run uses, with the settings only that method has: the two-view method
 * with its objective and BatchNorm passes, or the teacher-student method with its own settings. A run
 * records exactly one, so it records nothing it does not use. In config.json: {@code "method":
 * {"name": "two-view", ...}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "name")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TwoViewSpec.class, name = TwoViewMethod.NAME),
  @JsonSubTypes.Type(value = TeacherStudentSpec.class, name = org.aucl.method.teacher.TeacherStudentMethod.NAME)
})
public sealed interface MethodSpec permits TwoViewSpec, TeacherStudentSpec {
  /** The registry name ({@link Methods#NAMES}). */
  @JsonIgnore
  String name();

  /** What the run's progress lines and plots call it: the objective for two-view, else the method. */
  @JsonIgnore
  String label();

  /** The method, built for a network of {@code net} on {@code device}, initialised from {@code seed}. */
  PretrainMethod<?> create(NetConfig net, OptimizerConfig optimizer, Device device, long seed, int datasetSize);

  /**
   * A network of the shape whose weights the run's checkpoint part "model" holds (the method's
   * {@code evalNet()}), initialised from {@code seed}: what evaluations load a checkpoint into.
   */
  ContrastiveNet evalNet(NetConfig net, Device device, long seed);

  /** Images in one forward pass of a step at {@code batch} images: both views at once unless said otherwise. */
  @JsonIgnore
  default int imagesPerPass(int batch) {
    return 2 * batch;
  }
}
