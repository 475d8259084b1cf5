package org.aucl.cli;

import java.util.ArrayList;
import java.util.List;
import org.aucl.method.teacher.TeacherStudentConfig;
import picocli.CommandLine.Option;

/**
 * The teacher-student method's options of {@code pretrain} (mix in with {@code @Mixin}); each is null
 * unless given, and the defaults are {@link TeacherStudentConfig#defaults()}'s.
 */
public final class TeacherStudentOptions {
  @Option(names = "--local-crops", paramLabel = "N",
      description = "teacher-student: local crops per image (default: " + TeacherStudentConfig.DEFAULT_LOCAL_CROPS + ").")
  Integer localCrops;

  @Option(names = "--local-size", paramLabel = "S",
      description = "teacher-student: side of a local crop in pixels (default: " + TeacherStudentConfig.DEFAULT_LOCAL_SIZE + ").")
  Integer localSize;

  @Option(names = "--head-out", paramLabel = "K",
      description = "teacher-student: outputs of the DINO head (default: " + TeacherStudentConfig.DEFAULT_HEAD_OUT + "; DINO: 65536).")
  Integer headOut;

  @Option(names = "--teacher-temp-warmup", paramLabel = "E",
      description = "teacher-student: epochs of the teacher temperature's warm-up from 0.04 to 0.07, not shortened to the run (default: "
          + TeacherStudentConfig.DEFAULT_TEMP_WARMUP_EPOCHS + ").")
  Integer teacherTempWarmup;

  @Option(names = "--teacher-momentum", paramLabel = "M",
      description = "teacher-student: the teacher's EMA momentum at the first step, rising to 1 by a cosine over the run (default: "
          + TeacherStudentConfig.DEFAULT_TEACHER_MOMENTUM + ", DINO's; a short run may need less, docs/METHODS.md).")
  Double teacherMomentum;

  @Option(names = "--ts-neg-weight", paramLabel = "W",
      description = "teacher-student: weight w of the negatives (each image's sum over the N - 1 others scaled by w / N; default: the authors' "
          + "32, docs/METHODS.md).")
  Double negativeWeight;

  /** The options given, by name. */
  List<String> given() {
    List<String> g = new ArrayList<>();
    if (localCrops != null) g.add("--local-crops");
    if (localSize != null) g.add("--local-size");
    if (headOut != null) g.add("--head-out");
    if (teacherTempWarmup != null) g.add("--teacher-temp-warmup");
    if (teacherMomentum != null) g.add("--teacher-momentum");
    if (negativeWeight != null) g.add("--ts-neg-weight");
    return g;
  }

  /** {@code base} with the given options applied. */
  TeacherStudentConfig apply(TeacherStudentConfig base) {
    TeacherStudentConfig.Builder t = base.toBuilder();
    if (localCrops != null) {
      t.optLocalCropCount(localCrops);
    }
    if (localSize != null) {
      t.optLocalCropSize(localSize);
    }
    if (headOut != null) {
      t.optHeadOut(headOut);
    }
    if (teacherTempWarmup != null) {
      t.optTeacherTempWarmupEpochs(teacherTempWarmup);
    }
    if (teacherMomentum != null) {
      t.optTeacherMomentum(teacherMomentum);
    }
    if (negativeWeight != null) {
      t.optNegativeWeight(negativeWeight);
    }
    return UserInput.check(t::build);
  }
}
