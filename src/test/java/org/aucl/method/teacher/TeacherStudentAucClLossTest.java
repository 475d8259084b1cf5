package org.aucl.method.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TeacherStudentAucClLossTest {
  private static final int N = 3;
  private static final int K = 4;
  private static final double TAU_T = 0.05;
  private static final double TAU_S = 0.1;

  /** The objective as written in docs/METHODS.md, with plain loops in double precision. */
  static double reference(double[][][] t, double[][][] o, double[] center) {
    double total = 0;
    int pairs = 0;
    for (int g = 0; g < t.length; g++) {
      double[][] q = new double[N][K];
      for (int i = 0; i < N; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < K; k++) {
          max = Math.max(max, (t[g][i][k] - center[k]) / TAU_T);
        }
        double z = 0;
        for (int k = 0; k < K; k++) {
          q[i][k] = Math.exp((t[g][i][k] - center[k]) / TAU_T - max);
          z += q[i][k];
        }
        for (int k = 0; k < K; k++) {
          q[i][k] /= z;
        }
      }
      for (int v = 0; v < o.length; v++) {
        if (v == g) {
          continue;
        }
        double pos = 0;
        double neg = 0;
        for (int i = 0; i < N; i++) {
          for (int j = 0; j < N; j++) {
            double dot = 0;
            for (int k = 0; k < K; k++) {
              dot += q[i][k] * o[v][j][k] / TAU_S;
            }
            double s = (dot + 1) / 2;
            if (i == j) {
              pos += (s - 10) * (s - 10) - 2 * s;
            } else {
              neg += s * s + 2 * s;
            }
          }
        }
        total += pos / N + (32.0 / N) * (neg / N) + 1;
        pairs++;
      }
    }
    return total / pairs;
  }

  private static double[][][] random(Random r, int views, double scale) {
    double[][][] a = new double[views][N][K];
    for (double[][] v : a) {
      for (double[] row : v) {
        for (int k = 0; k < K; k++) {
          row[k] = scale * r.nextGaussian();
        }
      }
    }
    return a;
  }

  private static NDList list(NDManager m, double[][][] a) {
    NDList l = new NDList();
    for (double[][] v : a) {
      float[] f = new float[N * K];
      for (int i = 0; i < N; i++) {
        for (int k = 0; k < K; k++) {
          f[i * K + k] = (float) v[i][k];
        }
      }
      l.add(m.create(f, new Shape(N, K)));
    }
    return l;
  }

  private static double[][][] roundToFloat(double[][][] a) {
    for (double[][] v : a) {
      for (double[] row : v) {
        for (int k = 0; k < K; k++) {
          row[k] = (float) row[k];
        }
      }
    }
    return a;
  }

  @Test
  void valueAndStudentGradientMatchTheLoopReference() {
    Random r = new Random(11);
    double[][][] t = roundToFloat(random(r, 2, 0.1));
    double[][][] o = roundToFloat(random(r, 4, 0.1)); // 2 global + 2 local views: 6 pairs
    double[] center = {0.01f, -0.02f, 0.03f, 0f};
    TeacherStudentAucClLoss loss = TeacherStudentAucClLoss.builder().build();
    try (NDManager m = NDManager.newBaseManager()) {
      NDList teacher = list(m, t);
      NDList student = list(m, o);
      for (NDArray a : student) {
        a.setRequiresGradient(true);
      }
      teacher.get(0).setRequiresGradient(true);
      NDArray c = m.create(new float[] {0.01f, -0.02f, 0.03f, 0f}, new Shape(1, K));
      double value;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = loss.forward(teacher, student, c, TAU_T);
        value = l.getFloat();
        gc.backward(l);
      }
      double expected = reference(t, o, center);
      assertEquals(expected, value, 1e-5 * Math.abs(expected));
      // the teacher side is detached
      assertEquals(0f, teacher.get(0).getGradient().abs().sum().getFloat());
      double h = 1e-4;
      for (int v = 0; v < o.length; v++) {
        float[] grad = student.get(v).getGradient().toFloatArray();
        for (int i = 0; i < N; i++) {
          for (int k = 0; k < K; k++) {
            double keep = o[v][i][k];
            o[v][i][k] = keep + h;
            double up = reference(t, o, center);
            o[v][i][k] = keep - h;
            double down = reference(t, o, center);
            o[v][i][k] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, grad[i * K + k], 1e-3 * Math.max(1, Math.abs(fd)), "view " + v + " [" + i + "," + k + "]");
          }
        }
      }
    }
  }

  @Test
  void aHandWorkedCaseWithUniformTeacher() {
    // identical teacher rows give q = 1/K everywhere; with o = 0 every S_ij = 1/2:
    // term = (0.5 - 10)^2 - 1 + (32 / N) (N - 1) (0.25 + 1) + 1, for N = 2: 90.25 - 1 + 20 + 1 = 110.25
    try (NDManager m = NDManager.newBaseManager()) {
      NDList teacher = new NDList(m.ones(new Shape(2, 3)), m.ones(new Shape(2, 3)));
      NDList student = new NDList(m.zeros(new Shape(2, 3)), m.zeros(new Shape(2, 3)), m.zeros(new Shape(2, 3)));
      NDArray l = TeacherStudentAucClLoss.builder().build().forward(teacher, student, m.zeros(new Shape(1, 3)), 0.04);
      assertEquals(110.25, l.getFloat(), 1e-4);
    }
  }

  @Test
  void rejectsImpossibleInputs() {
    assertThrows(IllegalArgumentException.class, () -> TeacherStudentAucClLoss.builder().optStudentTemperature(0).build());
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.zeros(new Shape(2, 3));
      TeacherStudentAucClLoss loss = TeacherStudentAucClLoss.builder().build();
      assertThrows(IllegalArgumentException.class, () -> loss.forward(new NDList(a), new NDList(a, a), a, 0.04));
      assertThrows(IllegalArgumentException.class, () -> loss.forward(new NDList(a, a), new NDList(a, a), a, 0));
    }
  }
}
