package org.aucl.spec;

import ai.djl.Device;
import org.aucl.method.PretrainMethod;
import org.aucl.method.teacher.TeacherStudentConfig;
import org.aucl.method.teacher.TeacherStudentMethod;
import org.aucl.method.teacher.TeacherStudentNets;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;

/** The teacher-student method's settings (docs/METHODS.md); its objective is its own. */
public record TeacherStudentSpec(TeacherStudentConfig settings) implements MethodSpec {
  public TeacherStudentSpec {
    if (settings == null) {
      settings = TeacherStudentConfig.defaults();
    }
  }

  public static TeacherStudentSpec defaults() {
    return new TeacherStudentSpec(TeacherStudentConfig.defaults());
  }

  @Override
  public String name() {
    return TeacherStudentMethod.NAME;
  }

  @Override
  public String label() {
    return TeacherStudentMethod.NAME;
  }

  @Override
  public PretrainMethod<?> create(NetConfig net, OptimizerConfig optimizer, Device device, long seed, int datasetSize) {
    return new TeacherStudentMethod(net, settings, optimizer, device, seed);
  }

  @Override
  public ContrastiveNet evalNet(NetConfig net, Device device, long seed) {
    return TeacherStudentNets.network(net, settings, seed, device);
  }
}
