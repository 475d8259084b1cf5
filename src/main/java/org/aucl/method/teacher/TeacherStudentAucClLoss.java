package org.aucl.method.teacher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * The authors' teacher-student AUC-CL objective (docs/METHODS.md). For a teacher output {@code t}
 * of one global view and a student output {@code o} of one view (both N x K):
 *
 * <pre>
 * q    = softmax((t - center) / tau_t)      (rows; no gradient flows into the teacher)
 * x    = o / tau_s
 * S    = (q x^T + 1) / 2                    (N x N: S_ij pairs teacher image i with student image j)
 * term = mean_i[(S_ii - a)^2 - 2 S_ii] + (w / N) mean_i sum_{j != i}[S_ij^2 + 2 S_ij] + 1
 * </pre>
 *
 * with a = 10 and w = 32, and the loss is the mean of {@code term} over every pair (teacher global
 * view g, student view v) with v != g, where student views 0 and 1 are the same two global crops as
 * teacher views 0 and 1, and student views 2.. are the local crops: {@code 2 (2 + c) - 2} pairs.
 *
 * <p>The terms are AUC-CL's square-loss surrogate with the positive target a fixed at 10, the
 * negative centre b at 0 and alpha at 1; the constant 1 is the authors' (it changes no gradient).
 */
public final class TeacherStudentAucClLoss {
  /** The authors' weight w of the negatives. */
  public static final double AUTHORS_NEGATIVE_WEIGHT = 32;

  private final double studentTemperature;
  private final double positiveTarget;
  private final double negativeWeight;

  private TeacherStudentAucClLoss(Builder b) {
    this.studentTemperature = b.studentTemperature;
    this.positiveTarget = b.positiveTarget;
    this.negativeWeight = b.negativeWeight;
  }

  public static Builder builder() {
    return new Builder();
  }

  public double studentTemperature() {
    return studentTemperature;
  }

  /**
   * The loss, a scalar.
   *
   * @param teacher the teacher's outputs for the 2 global views, each N x K
   * @param student the student's outputs for the 2 global views then the c local views, each N x K
   * @param center the teacher output centre, 1 x K (see {@link OutputCenter})
   * @param teacherTemperature tau_t at this step (see {@link TeacherTemperature})
   */
  public NDArray forward(NDList teacher, NDList student, NDArray center, double teacherTemperature) {
    if (teacher.size() != 2) {
      throw new IllegalArgumentException("The teacher must see exactly 2 global views, got " + teacher.size() + ".");
    }
    if (student.size() < 2) {
      throw new IllegalArgumentException("The student must see the 2 global views and any local ones, got "
          + student.size() + " views.");
    }
    if (!(teacherTemperature > 0)) {
      throw new IllegalArgumentException("The teacher temperature must be positive, got " + teacherTemperature + ".");
    }
    NDArray total = null;
    int pairs = 0;
    for (int g = 0; g < teacher.size(); g++) {
      NDArray q = probabilities(teacher.get(g), center, teacherTemperature);
      for (int v = 0; v < student.size(); v++) {
        if (v == g) {
          continue;
        }
        NDArray term = term(q, student.get(v));
        total = total == null ? term : total.add(term);
        pairs++;
      }
    }
    return total.div(pairs);
  }

  /** softmax((t - center) / tau_t) over each row, detached from any graph: N x K. */
  public static NDArray probabilities(NDArray teacher, NDArray center, double teacherTemperature) {
    return teacher.sub(center).div((float) teacherTemperature).softmax(1).stopGradient();
  }

  /** One (teacher view, student view) term, a scalar; {@code q} are the teacher probabilities. */
  NDArray term(NDArray q, NDArray studentOut) {
    long n = q.getShape().get(0);
    if (!studentOut.getShape().equals(q.getShape())) {
      throw new IllegalArgumentException("Teacher and student outputs must have the same shape, got "
          + q.getShape() + " and " + studentOut.getShape() + ".");
    }
    if (n < 2) {
      throw new IllegalArgumentException("The batch needs at least 2 images to have negatives, got " + n + ".");
    }
    // scalars as float: a double times a 0-d float32 array would give float64 in PyTorch
    NDManager m = q.getManager();
    NDArray s = scores(q, studentOut);
    NDArray eye = m.eye((int) n);
    NDArray pos = s.mul(eye).sum(new int[] {1});
    NDArray positive = pos.sub((float) positiveTarget).square().sub(pos.mul(2f)).mean();
    NDArray negative = s.square().add(s.mul(2f)).mul(eye.neg().add(1f)).sum().mul((float) (negativeWeight / n / n));
    return positive.add(negative).add(1f);
  }

  /** S = (q (o / tau_s)^T + 1) / 2, N x N: row i the teacher's image i, column j the student's image j. */
  public NDArray scores(NDArray q, NDArray studentOut) {
    return q.matMul(studentOut.div((float) studentTemperature).transpose()).add(1f).div(2f);
  }

  /** Builder; defaults tau_s 0.1, positive target a = 10, negative weight w = 32 (the authors'). */
  public static final class Builder {
    private double studentTemperature = 0.1;
    private double positiveTarget = 10;
    private double negativeWeight = AUTHORS_NEGATIVE_WEIGHT;

    private Builder() {}

    public Builder optStudentTemperature(double tau) {
      this.studentTemperature = tau;
      return this;
    }

    public Builder optPositiveTarget(double a) {
      this.positiveTarget = a;
      return this;
    }

    /** w in the negative term's factor w / N. */
    public Builder optNegativeWeight(double w) {
      this.negativeWeight = w;
      return this;
    }

    public TeacherStudentAucClLoss build() {
      if (!(studentTemperature >= 1e-4) || Double.isInfinite(studentTemperature)) {
        throw new IllegalArgumentException(
            "The student temperature must be finite and at least 1e-4, got " + studentTemperature + ".");
      }
      if (!Double.isFinite(positiveTarget) || !(negativeWeight >= 0) || Double.isInfinite(negativeWeight)) {
        throw new IllegalArgumentException("The positive target must be finite and the negative weight finite and"
            + " >= 0, got " + positiveTarget + " and " + negativeWeight + ".");
      }
      return new TeacherStudentAucClLoss(this);
    }
  }
}
