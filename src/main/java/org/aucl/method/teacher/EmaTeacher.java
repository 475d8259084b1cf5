package org.aucl.method.teacher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The teacher as an exponential moving average of the student (DINO's momentum encoder):
 * {@code teacher <- m teacher + (1 - m) student} for every parameter, in place, after each optimiser
 * step, with m following {@link #momentum(long, long, double)}. The teacher is never trained by
 * gradients: the update runs outside any gradient collector and the teacher's arrays should not
 * require gradients.
 *
 * <p>Only trainable parameters are averaged, as DINO averages {@code parameters()}: a ResNet teacher
 * keeps its own BatchNorm running statistics, gathered from its own forward passes.
 */
public final class EmaTeacher {
  private final Map<String, NDArray> teacher;
  private final Map<String, NDArray> student;

  /**
   * @param teacher the teacher's parameters by name
   * @param student the student's parameters by the same names and of the same shapes
   */
  public EmaTeacher(Map<String, NDArray> teacher, Map<String, NDArray> student) {
    if (!teacher.keySet().equals(student.keySet())) {
      throw new IllegalArgumentException("Teacher and student must have the same parameter names; they differ in "
          + difference(teacher, student) + ".");
    }
    for (Map.Entry<String, NDArray> e : teacher.entrySet()) {
      NDArray s = student.get(e.getKey());
      if (!e.getValue().getShape().equals(s.getShape())) {
        throw new IllegalArgumentException("Parameter " + e.getKey() + " has shape " + e.getValue().getShape()
            + " in the teacher but " + s.getShape() + " in the student.");
      }
    }
    this.teacher = new LinkedHashMap<>(teacher);
    this.student = new LinkedHashMap<>(student);
  }

  private static String difference(Map<String, NDArray> a, Map<String, NDArray> b) {
    for (String k : a.keySet()) {
      if (!b.containsKey(k)) {
        return k;
      }
    }
    for (String k : b.keySet()) {
      if (!a.containsKey(k)) {
        return k;
      }
    }
    return "(none)";
  }

  /**
   * DINO's cosine momentum schedule: {@code m = 1 - (1 - base) (cos(pi step / totalSteps) + 1) / 2},
   * from {@code base} at step 0 rising towards 1 at {@code totalSteps}.
   */
  public static double momentum(long step, long totalSteps, double base) {
    if (totalSteps < 1 || step < 0 || step > totalSteps) {
      throw new IllegalArgumentException(
          "The step must be in [0, total steps] with at least 1 step, got " + step + " of " + totalSteps + ".");
    }
    if (!(base >= 0 && base <= 1)) {
      throw new IllegalArgumentException("The base momentum must be in [0, 1], got " + base + ".");
    }
    return 1 - (1 - base) * (Math.cos(Math.PI * step / totalSteps) + 1) / 2;
  }

  /** Sets the teacher to the student (DINO starts the teacher as a copy of the student). */
  public void copyStudent() {
    for (Map.Entry<String, NDArray> e : teacher.entrySet()) {
      e.getValue().set(student.get(e.getKey()).toByteBuffer());
    }
  }

  /** {@code teacher <- m teacher + (1 - m) student}, in place, for every parameter. */
  public void update(double m) {
    if (!(m >= 0 && m <= 1)) {
      throw new IllegalArgumentException("The teacher momentum must be in [0, 1], got " + m + ".");
    }
    for (Map.Entry<String, NDArray> e : teacher.entrySet()) {
      NDArray t = e.getValue();
      NDArray s = student.get(e.getKey());
      try (NDManager tmp = t.getManager().newSubManager()) {
        tmp.tempAttachAll(t, s); // the scaled copy of s lands in tmp
        t.muli((float) m).addi(s.mul((float) (1 - m)));
      }
    }
  }
}
