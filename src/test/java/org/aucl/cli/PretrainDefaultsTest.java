package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aucl.data.TestFiles;
import org.aucl.method.teacher.TeacherStudentConfig;
import org.aucl.optim.OptimizerConfig;
import org.aucl.spec.RunSpec;
import org.aucl.util.Json;
import org.aucl.util.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line starts from {@link RunSpec#defaultJob()} and restates none of its values. */
class PretrainDefaultsTest {
  @TempDir static Path dataDir;

  @BeforeAll
  static void writeTinyFashionMnist() throws Exception {
    TestFiles.writeIdxSet(dataDir.resolve("fashion-mnist"), 20, true);
  }

  private static RunSpec parse(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return PretrainArgs.spec(all);
  }

  /** The default job with the data folder of this test. */
  private static RunSpec defaultJobHere() {
    RunSpec d = RunSpec.defaultJob();
    return d.toBuilder().setData(d.data().toBuilder().optDataDir(dataDir).build()).build();
  }

  @Test
  void noOptionsGiveTheDefaultJobAsBuiltInCode() {
    assertEquals(Json.line(defaultJobHere()), Json.line(parse()));
  }

  @Test
  void anotherOptimiserStartsFromItsOwnDefaultsUnlessTold() {
    OptimizerConfig sgd = parse("--optimizer", "sgd").optimizer();
    assertEquals(OptimizerConfig.defaults("sgd"), sgd);
    OptimizerConfig told = parse("--optimizer", "sgd", "--lr", "0.5", "--momentum", "0.8").optimizer();
    assertEquals(0.5, told.lr());
    assertEquals(0.8, told.momentum());
    assertEquals(OptimizerConfig.defaults("sgd").weightDecay(), told.weightDecay());
  }

  @Test
  void imageSizeIsResolvedOnceForViewsAndNetwork() {
    RunSpec c = parse("--image-size", "32");
    assertEquals(32, c.net().imageSize());
    assertEquals(32, c.augment().outputSize());
    assertEquals(28, parse().net().imageSize());
  }

  @Test
  void anAliasFindsTheDatasetAndImpossibleValuesAreOneSentence() {
    assertEquals("fmnist", parse("--dataset", "fmnist").data().dataset());
    UserException e = assertThrows(UserException.class, () -> parse("--bn-passes", "3"));
    assertTrue(e.getMessage().contains("--bn-passes must be 1 or 2"), e.getMessage());
    e = assertThrows(UserException.class, () -> parse("--method", "byol"));
    assertTrue(e.getMessage().contains("unknown --method 'byol'"), e.getMessage());
    assertThrows(UserException.class, () -> parse("--channels", "2"));
  }

  @Test
  void teacherStudentMomentumAndNegativeWeightReachTheConfigAndBadValuesAreRefused() {
    TeacherStudentConfig t = ((org.aucl.spec.TeacherStudentSpec) parse("--method", "teacher-student", "--teacher-momentum", "0.95", "--ts-neg-weight", "4")
        .method()).settings();
    assertEquals(0.95, t.teacherMomentum());
    assertEquals(4.0, t.negativeWeight());
    TeacherStudentConfig d = ((org.aucl.spec.TeacherStudentSpec) parse("--method", "teacher-student").method()).settings();
    assertEquals(TeacherStudentConfig.DEFAULT_TEACHER_MOMENTUM, d.teacherMomentum());
    assertEquals(TeacherStudentConfig.DEFAULT_NEGATIVE_WEIGHT, d.negativeWeight());
    UserException e = assertThrows(UserException.class,
        () -> parse("--method", "teacher-student", "--teacher-momentum", "1.5"));
    assertTrue(e.getMessage().contains("teacher momentum must be in [0, 1]"), e.getMessage());
    assertThrows(UserException.class, () -> parse("--method", "teacher-student", "--ts-neg-weight", "-1"));
    assertThrows(UserException.class, () -> parse("--ts-neg-weight", "4"), "a teacher-student option with two-view");
  }

  @Test
  void aTeacherStudentConfigWrittenBeforeTheNegativeWeightExistedReadsAsTheAuthors32() throws Exception {
    String json = Json.line(((org.aucl.spec.TeacherStudentSpec) parse("--method", "teacher-student").method()).settings()).replace(",\"negativeWeight\":32.0", "");
    assertTrue(!json.contains("negativeWeight"), json);
    TeacherStudentConfig old = Json.MAPPER.readValue(json, TeacherStudentConfig.class);
    assertEquals(32.0, old.negativeWeight());
  }
}
