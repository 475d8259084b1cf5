package org.aucl.method.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The teacher's running state: EMA weights and the output centre. */
class TeacherStatesTest {

  @Test
  void emaMovesTheTeacherTowardsTheStudentByOneMinusM() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> teacher = new LinkedHashMap<>();
      Map<String, NDArray> student = new LinkedHashMap<>();
      teacher.put("w", m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)));
      student.put("w", m.create(new float[] {5, 6, 7, 8}, new Shape(2, 2)));
      EmaTeacher ema = new EmaTeacher(teacher, student);
      ema.update(0.9);
      // 0.9 * 1 + 0.1 * 5 = 1.4, 0.9 * 2 + 0.1 * 6 = 2.4, ...
      assertArrayEquals(new float[] {1.4f, 2.4f, 3.4f, 4.4f}, teacher.get("w").toFloatArray(), 1e-6f);
      ema.update(0.5); // 0.5 * 1.4 + 0.5 * 5 = 3.2
      assertEquals(3.2f, teacher.get("w").toFloatArray()[0], 1e-6f);
      assertArrayEquals(new float[] {5, 6, 7, 8}, student.get("w").toFloatArray());
      ema.copyStudent();
      assertArrayEquals(new float[] {5, 6, 7, 8}, teacher.get("w").toFloatArray());
      student.put("w", m.zeros(new Shape(4)));
      assertThrows(IllegalArgumentException.class, () -> new EmaTeacher(teacher, student));
      assertThrows(IllegalArgumentException.class, () -> ema.update(1.5));
    }
  }

  @Test
  void emaUpdatesLeaveNoArraysBehind() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> teacher = Map.of("w", m.ones(new Shape(3)));
      Map<String, NDArray> student = Map.of("w", m.zeros(new Shape(3)));
      EmaTeacher ema = new EmaTeacher(teacher, student);
      OutputCenter center = new OutputCenter(m, 3);
      ema.update(0.9);
      try (NDManager step = m.newSubManager()) {
        center.update(new NDList(step.ones(new Shape(2, 3))));
      }
      int before = m.getManagedArrays().size();
      assertEquals(3, before); // teacher, student and the centre (counted through its sub-manager)
      for (int i = 0; i < 20; i++) {
        ema.update(0.9);
        try (NDManager step = m.newSubManager()) {
          center.update(new NDList(step.ones(new Shape(2, 3)), step.zeros(new Shape(2, 3))));
        }
      }
      assertEquals(before, m.getManagedArrays().size());
      center.close();
    }
  }

  @Test
  void momentumScheduleIsDinosCosine() {
    assertEquals(0.996, EmaTeacher.momentum(0, 100, 0.996), 1e-15);
    assertEquals(0.998, EmaTeacher.momentum(50, 100, 0.996), 1e-15); // cos(pi/2) = 0: halfway
    assertEquals(1.0, EmaTeacher.momentum(100, 100, 0.996), 1e-15);
    // a quarter of the way: 1 - 0.004 (cos(pi/4) + 1) / 2 = 1 - 0.002 (1 + 0.70710678)
    assertEquals(1 - 0.002 * (1 + Math.sqrt(0.5)), EmaTeacher.momentum(25, 100, 0.996), 1e-15);
    assertEquals(EmaTeacher.momentum(25, 100, 0.996), CosineSchedule.of(0.996, 1, 100).at(25), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> EmaTeacher.momentum(101, 100, 0.996));
  }

  @Test
  void centreIsARunningMeanOfBothGlobalViews() {
    try (NDManager m = NDManager.newBaseManager(); OutputCenter c = new OutputCenter(m, 2)) {
      assertArrayEquals(new float[] {0, 0}, c.get().toFloatArray());
      // view 1 rows (1, 2), (3, 4); view 2 rows (5, 6), (7, 8): batch mean (4, 5)
      NDList t = new NDList(
          m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)), m.create(new float[] {5, 6, 7, 8}, new Shape(2, 2)));
      c.update(t);
      assertArrayEquals(new float[] {0.4f, 0.5f}, c.get().toFloatArray(), 1e-6f);
      c.update(t); // 0.9 * 0.4 + 0.1 * 4 = 0.76; 0.9 * 0.5 + 0.1 * 5 = 0.95
      assertArrayEquals(new float[] {0.76f, 0.95f}, c.get().toFloatArray(), 1e-6f);
      assertEquals(new Shape(1, 2), c.get().getShape());
    }
  }

  @Test
  void teacherTemperatureWarmsUpLikeNumpyLinspace() {
    TeacherTemperature t = TeacherTemperature.dino(30);
    assertEquals(0.04, t.at(0), 1e-15);
    assertEquals(0.04 + 0.03 / 29, t.at(1), 1e-15);
    assertEquals(0.07, t.at(29), 1e-15);
    assertEquals(0.07, t.at(30), 1e-15);
    assertEquals(0.07, t.at(500), 1e-15);
    assertEquals(0.07, TeacherTemperature.dino(0).at(0), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> new TeacherTemperature(0, 0.07, 3));
  }

  @Test
  void weightDecayScheduleAndWarmUp() {
    CosineSchedule wd = CosineSchedule.dinoWeightDecay(10);
    assertEquals(0.04, wd.at(0), 1e-15);
    assertEquals(0.22, wd.at(5), 1e-15); // cos(pi/2) = 0: the middle of 0.04 and 0.4
    assertEquals(0.4 - 0.18 * (1 + Math.cos(Math.PI * 9 / 10)), wd.at(9), 1e-15);
    assertEquals(wd.at(9), wd.at(20), 1e-15);
    // warm-up 0 -> 1 over 3 steps (linspace: 0, 0.5, 1), then cosine 1 -> 0 over the last 4
    CosineSchedule lr = new CosineSchedule(1, 0, 7, 3, 0);
    assertEquals(0.0, lr.at(0), 1e-15);
    assertEquals(0.5, lr.at(1), 1e-15);
    assertEquals(1.0, lr.at(2), 1e-15);
    assertEquals(1.0, lr.at(3), 1e-15);
    assertEquals(0.5, lr.at(5), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(1, 0, 3, 3, 0));
  }
}
