package org.aucl.method.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aucl.augment.ImageShape;
import org.aucl.augment.MultiCropBatch;
import org.aucl.method.StepClock;
import org.aucl.method.StepResult;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;
import org.junit.jupiter.api.Test;

/** A few steps of the teacher-student method on one random multi-crop batch. */
class TeacherStudentMethodTest {
  private static final NetConfig NET = new NetConfig("resnet18", "small", 1, 0.25, 64, 32, 16);
  private static final TeacherStudentConfig CFG = TeacherStudentConfig.builder()
      .optHead(32, 16, 64).optLocalCrops(2, 8).optTeacherTempWarmupEpochs(3).build();
  private static final int N = 8;

  private static MultiCropBatch batch(Random r) {
    List<float[]> globals = new ArrayList<>();
    List<float[]> locals = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      globals.add(noise(r, N * 16 * 16));
      locals.add(noise(r, N * 8 * 8));
    }
    int[] labels = new int[N];
    int[] idx = new int[N];
    for (int i = 0; i < N; i++) {
      idx[i] = i;
    }
    return new MultiCropBatch(globals, new ImageShape(1, 16, 16), locals, new ImageShape(1, 8, 8), labels, idx, N);
  }

  private static float[] noise(Random r, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) r.nextGaussian();
    }
    return f;
  }

  private static Map<String, float[]> snapshot(ContrastiveNet net) {
    Map<String, float[]> s = new LinkedHashMap<>();
    net.parameters().forEach((k, v) -> s.put(k, v.toFloatArray()));
    return s;
  }

  private static List<float[]> runningStats(ContrastiveNet net) {
    List<float[]> s = new ArrayList<>();
    net.runningStatistics().forEach(a -> s.add(a.toFloatArray()));
    return s;
  }

  private static double distance(Map<String, float[]> a, ContrastiveNet net) {
    double d = 0;
    for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
      float[] x = a.get(e.getKey());
      float[] y = e.getValue().toFloatArray();
      for (int i = 0; i < x.length; i++) {
        d += (x[i] - y[i]) * (double) (x[i] - y[i]);
      }
    }
    return Math.sqrt(d);
  }

  private static TeacherStudentMethod method() {
    return new TeacherStudentMethod(NET, CFG, OptimizerConfig.defaults("adamw").withLr(1e-3),
        Engine.getInstance().defaultDevice(), 3);
  }

  @Test
  void lossFallsTeacherMovesLessThanStudentAndGetsNoGradient() {
    try (TeacherStudentMethod m = method()) {
      ContrastiveNet teacher = m.evalNet();
      Map<String, float[]> start = snapshot(m.student());
      Map<String, float[]> teacherStart = snapshot(teacher);
      for (String k : start.keySet()) {
        assertArrayEquals(start.get(k), teacherStart.get(k), "the teacher starts as the student: " + k);
      }
      MultiCropBatch b = batch(new Random(1));
      StepResult first = m.step(b, 1e-3, new StepClock(0, 5, 100));
      StepResult last = first;
      for (int s = 1; s < 16; s++) {
        last = m.step(b, 1e-3, new StepClock(s, 5, 100));
      }
      assertTrue(last.loss() < first.loss(), "loss " + first.loss() + " -> " + last.loss());
      double student = distance(start, m.student());
      double moved = distance(teacherStart, teacher);
      assertTrue(moved > 0, "the teacher moved");
      assertTrue(moved < 0.2 * student, "teacher moved " + moved + ", student " + student);
      for (Map.Entry<String, NDArray> e : teacher.parameters().entrySet()) {
        assertFalse(e.getValue().hasGradient(), "no gradient reaches the teacher: " + e.getKey());
      }
      assertTrue(m.student().parameters().values().stream().allMatch(NDArray::hasGradient));
      assertEquals(0.07, m.scalars().get("teacher_temp"), 1e-12, "epoch 3 (from 0) is past the 3-epoch warm-up");
    }
  }

  @Test
  void lastLayerIsFrozenDuringTheFirstEpochOnly() {
    try (TeacherStudentMethod m = method()) {
      Map<String, float[]> start = snapshot(m.student());
      MultiCropBatch b = batch(new Random(2));
      for (int s = 0; s < 5; s++) {
        m.step(b, 1e-3, new StepClock(s, 5, 100));
      }
      Map<String, float[]> afterFirstEpoch = snapshot(m.student());
      for (String k : start.keySet()) {
        boolean same = java.util.Arrays.equals(start.get(k), afterFirstEpoch.get(k));
        assertEquals(k.contains("last_layer"), same, k + (same ? " did not move" : " moved") + " in epoch 1");
      }
      m.step(b, 1e-3, new StepClock(5, 5, 100));
      String v = start.keySet().stream().filter(k -> k.contains("last_layer")).findFirst().orElseThrow();
      assertFalse(java.util.Arrays.equals(start.get(v), m.student().parameters().get(v).toFloatArray()), v + " in epoch 2");
    }
  }

  @Test
  void nonFiniteStepChangesNeitherStudentNorTeacherNorTheirRunningStatistics() {
    try (TeacherStudentMethod m = method()) {
      m.step(batch(new Random(5)), 1e-3, new StepClock(0, 5, 100));
      Map<String, float[]> student = snapshot(m.student());
      Map<String, float[]> teacher = snapshot(m.evalNet());
      List<float[]> studentStats = runningStats(m.student());
      List<float[]> teacherStats = runningStats(m.evalNet());
      assertFalse(studentStats.isEmpty(), "the ResNets have running statistics");
      MultiCropBatch poisoned = batch(new Random(6));
      poisoned.globals().get(0)[3] = Float.NaN;
      StepResult r = m.step(poisoned, 1e-3, new StepClock(1, 5, 100));
      assertTrue(Double.isNaN(r.loss()), "a NaN input gives a NaN step, got " + r.loss());
      assertEquals(0, distance(student, m.student()), 0, "student unchanged");
      assertEquals(0, distance(teacher, m.evalNet()), 0, "teacher unchanged");
      List<float[]> studentAfter = runningStats(m.student());
      List<float[]> teacherAfter = runningStats(m.evalNet());
      for (int i = 0; i < studentStats.size(); i++) {
        assertArrayEquals(studentStats.get(i), studentAfter.get(i), "student running statistic " + i + " put back");
        assertArrayEquals(teacherStats.get(i), teacherAfter.get(i), "teacher running statistic " + i + " put back");
      }
      StepResult next = m.step(batch(new Random(7)), 1e-3, new StepClock(2, 5, 100));
      assertTrue(Double.isFinite(next.loss()), "the next finite step trains again: " + next.loss());
    }
  }

  /** Arrays alive under the engine's root manager (all managers descend from it). */
  private static int liveArrays() {
    try (NDManager probe = NDManager.newBaseManager()) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }

  @Test
  void liveArraysDoNotGrowOverSteps() {
    try (TeacherStudentMethod m = method()) {
      MultiCropBatch b = batch(new Random(4));
      m.step(b, 1e-3, new StepClock(0, 5, 100)); // creates the optimiser state
      m.step(b, 1e-3, new StepClock(5, 5, 100)); // and that of the unfrozen last layer
      int before = liveArrays();
      assertTrue(before > m.student().parameters().size(), "counting sees the parameters: " + before);
      for (int s = 6; s < 16; s++) {
        m.step(b, 1e-3, new StepClock(s, 5, 100));
      }
      assertEquals(before, liveArrays(), "live NDArrays before and after 10 steps");
    }
  }
}
