package org.aucl.cli;

import java.util.ArrayList;
import java.util.List;
import org.aucl.method.TwoViewMethod;
import org.aucl.method.teacher.TeacherStudentConfig;
import org.aucl.method.teacher.TeacherStudentMethod;
import org.aucl.spec.MethodSpec;
import org.aucl.spec.Methods;
import org.aucl.spec.TeacherStudentSpec;
import org.aucl.spec.TwoViewSpec;
import org.aucl.util.UserException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The method and the options only it takes: the two-view method's objective and BatchNorm passes, or
 * the teacher-student method's settings. An option of the other method is refused in one sentence.
 */
public final class MethodOptions {
  @Option(names = "--method", paramLabel = "NAME",
      description = "Pretraining method: two-view or teacher-student (default: " + TwoViewMethod.NAME + ").",
      completionCandidates = Names.class)
  String method;

  @Option(names = "--bn-passes", paramLabel = "1|2",
      description = "two-view: 2, each view through BatchNorm in its own pass (the authors'); 1, both views in one pass (default: "
          + (TwoViewSpec.DEFAULT_TWO_PASS ? 2 : 1) + ").")
  Integer bnPasses;

  @Mixin ObjectiveOptions objective;

  @Mixin TeacherStudentOptions teacher;

  /** The method names for {@code --help}. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Methods.NAMES.iterator();
    }
  }

  /**
   * {@code current} with the given method and its options; {@code twoViewOnly} are other groups' options
   * that only the two-view method takes (its projector and weight decay), refused for another method.
   */
  MethodSpec applyTo(MethodSpec current, List<String> twoViewOnly) {
    String name = method != null ? method : current.name();
    MethodSpec base = name.equals(current.name()) ? current : Methods.defaults(name);
    if (base instanceof TeacherStudentSpec ts) {
      List<String> refused = new ArrayList<>(twoViewOnly);
      if (bnPasses != null) {
        refused.add(0, "--bn-passes");
      }
      refused.addAll(0, objective.given());
      if (!refused.isEmpty()) {
        throw new UserException(refused.get(0) + " does not apply to --method " + TeacherStudentMethod.NAME
            + " (its loss, head and weight-decay schedule are its own: docs/METHODS.md).");
      }
      TeacherStudentConfig settings = teacher.apply(ts.settings());
      return new TeacherStudentSpec(settings);
    }
    teacher.given().stream().findFirst().ifPresent(o -> {
      throw new UserException(o + " applies only to --method " + TeacherStudentMethod.NAME + ".");
    });
    TwoViewSpec t = (TwoViewSpec) base;
    t = t.withObjective(objective.applyTo(t.objective()));
    if (bnPasses != null) {
      if (bnPasses != 1 && bnPasses != 2) {
        throw new UserException("--bn-passes must be 1 or 2, got " + bnPasses + ".");
      }
      t = t.withTwoPassBatchNorm(bnPasses == 2);
    }
    return t;
  }

  /** True when {@code --bn-passes} was given (for commands that run a two-view step outside a run). */
  boolean twoPass(boolean fallback) {
    return bnPasses == null ? fallback : bnPasses == 2;
  }
}
