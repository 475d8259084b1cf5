package org.aucl.spec;

import java.util.List;
import org.aucl.method.TwoViewMethod;
import org.aucl.method.teacher.TeacherStudentMethod;
import org.aucl.util.UserException;

/** The pretraining methods by name: a new method is one class, its spec, and one line here. */
public final class Methods {
  /** Names {@code pretrain --method} accepts. */
  public static final List<String> NAMES = List.of(TwoViewMethod.NAME, TeacherStudentMethod.NAME);

  private Methods() {}

  /** The method {@code name} with its default settings. */
  public static MethodSpec defaults(String name) {
    return switch (name) {
      case TwoViewMethod.NAME -> TwoViewSpec.defaults();
      case TeacherStudentMethod.NAME -> TeacherStudentSpec.defaults();
      default -> throw new UserException(
          "unknown --method '" + name + "': expected one of " + String.join(", ", NAMES) + ".");
    };
  }
}
