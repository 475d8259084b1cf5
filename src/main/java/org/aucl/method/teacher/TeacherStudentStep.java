package org.aucl.method.teacher;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aucl.augment.MultiCropBatch;
import org.aucl.method.FiniteGuard;
import org.aucl.method.RunningStatsSnapshot;
import org.aucl.method.StepClock;
import org.aucl.method.StepResult;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.DinoHead;
import org.aucl.optim.ParameterOptimizer;

/**
 * One step of the teacher-student method (docs/METHODS.md), in DINO's order: the teacher on the 2
 * global crops (no gradient), the student on all 2 + c crops (the crops of one size in one encoder
 * pass, then the head once over all), the loss, backward, per-tensor gradient clipping, the optimiser
 * at this step's weight decay with the head's last layer frozen during the first epochs, then the
 * teacher's moving average and the centre's update.
 *
 * <p>Every array of the step lives in a sub-manager that the step closes; the networks' parameters
 * are lent to it for the step, so what the layers compute from them (a weight-normalised weight, a
 * resampled position embedding) is freed with it.
 */
final class TeacherStudentStep {
  private final TeacherStudentNets nets;
  private final TeacherStudentConfig cfg;
  private final TeacherStudentAucClLoss loss;
  private final OutputCenter center;
  private final ParameterOptimizer optimizer;
  private final LastLayerFreeze freeze;
  private final TeacherTemperature temperature;
  private StepSettings last;

  /** The scheduled values of the latest step, for the metrics log. */
  record StepSettings(double teacherTemperature, double teacherMomentum, double weightDecay) {}

  TeacherStudentStep(
      TeacherStudentNets nets, TeacherStudentConfig cfg, OutputCenter center, ParameterOptimizer optimizer) {
    this.nets = nets;
    this.cfg = cfg;
    this.center = center;
    this.optimizer = optimizer;
    this.loss = TeacherStudentAucClLoss.builder().optStudentTemperature(cfg.studentTemp())
        .optNegativeWeight(cfg.negativeWeight()).build();
    this.freeze = new LastLayerFreeze(cfg.freezeLastLayerEpochs(), DinoHead::isLastLayer);
    this.temperature = cfg.temperature();
    // DINO's rule: biases and every other 1-D parameter (norm scales and shifts) are not decayed.
    Set<String> oneDimensional = new HashSet<>();
    for (Map.Entry<String, NDArray> e : nets.student().parameters().entrySet()) {
      if (e.getValue().getShape().dimension() <= 1) {
        oneDimensional.add(e.getKey());
      }
    }
    optimizer.excludeFromWeightDecay(oneDimensional::contains);
  }

  StepResult run(MultiCropBatch batch, double lr, StepClock clock) {
    int epoch = clock.epoch() - 1; // DINO counts epochs from 0
    StepSettings s = new StepSettings(
        temperature.at(epoch),
        EmaTeacher.momentum(clock.step(), clock.totalSteps(), cfg.teacherMomentum()),
        CosineSchedule.of(cfg.weightDecayStart(), cfg.weightDecayEnd(), clock.totalSteps()).at(clock.step()));
    ContrastiveNet student = nets.student();
    ContrastiveNet teacher = nets.teacher();
    try (NDManager step = student.manager().newSubManager()) {
      step.tempAttachAll(student.parameters().values().toArray(new NDArray[0]));
      step.tempAttachAll(teacher.parameters().values().toArray(new NDArray[0]));
      NDArray globals = crops(step, batch.globals(), batch.globalArrayShape());
      NDArray locals = batch.locals().isEmpty() ? null : crops(step, batch.locals(), batch.localArrayShape());
      RunningStatsSnapshot runningStats = RunningStatsSnapshot.take(step, student, teacher);
      NDList teacherOut = teacher.head(teacher.encode(globals, true), true).split(2, 0);
      NDArray pairScores;
      NDArray l;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray features = student.encode(globals, true);
        if (locals != null) {
          features = features.concat(student.encode(locals, true), 0);
        }
        NDList studentOut = student.head(features, true).split(2 + batch.locals().size(), 0);
        l = loss.forward(teacherOut, studentOut, center.get(), s.teacherTemperature());
        pairScores = loss.scores(
            TeacherStudentAucClLoss.probabilities(teacherOut.get(0), center.get(), s.teacherTemperature()),
            studentOut.get(1).stopGradient());
        gc.backward(l);
      }
      // one read: the loss (NaN if it or any gradient is not finite) and the pair scores
      double[] read = FiniteGuard.read(l, student.parameters().values(), pairScores.flatten(), step);
      double lossValue = read[0];
      float[] scoreValues = new float[read.length - 1];
      for (int i = 0; i < scoreValues.length; i++) {
        scoreValues[i] = (float) read[i + 1];
      }
      StepScores scores = StepScores.of(scoreValues, batch.size());
      if (Double.isNaN(lossValue)) {
        // a non-finite step changes neither student, teacher (running statistics included) nor centre
        optimizer.discard(student.parameters());
        runningStats.restore();
        return new StepResult(Double.NaN, scores.meanPositive(), scores.meanNegative(), scores.batchAuc());
      }
      if (cfg.clipNorm() > 0) {
        GradientClipping.clipPerTensor(student.parameters(), cfg.clipNorm());
      }
      optimizer.setWeightDecay(s.weightDecay());
      optimizer.step(student.parameters(), lr, name -> freeze.frozen(name, epoch));
      nets.ema().update(s.teacherMomentum());
      center.update(teacherOut);
      last = s;
      return new StepResult(lossValue, scores.meanPositive(), scores.meanNegative(), scores.batchAuc());
    }
  }

  /** The crops of one size as one array: c x N images, crop by crop. */
  private static NDArray crops(NDManager m, List<float[]> crops, long[] shape) {
    NDList list = new NDList();
    for (float[] c : crops) {
      list.add(m.create(c, new Shape(shape)));
    }
    return list.size() == 1 ? list.get(0) : ai.djl.ndarray.NDArrays.concat(list, 0);
  }

  /** The scheduled values of the latest step (null before the first). */
  StepSettings last() {
    return last;
  }
}
