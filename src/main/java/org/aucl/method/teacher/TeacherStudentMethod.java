package org.aucl.method.teacher;

import ai.djl.Device;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aucl.augment.Augmentation;
import org.aucl.augment.EpochLoader;
import org.aucl.augment.MultiCropBatch;
import org.aucl.augment.MultiCropLoader;
import org.aucl.data.ImageDataset;
import org.aucl.method.PretrainMethod;
import org.aucl.method.StatePart;
import org.aucl.method.StepClock;
import org.aucl.method.StepResult;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;
import org.aucl.optim.Optimizers;
import org.aucl.optim.ParameterOptimizer;

/**
 * The authors' ImageNet method, teacher-student AUC-CL on DINO's training (docs/METHODS.md): a student
 * trained on 2 global and c local crops of each image against a teacher, the student's moving
 * average, that sees the global crops only. Evaluations read the teacher's encoder.
 *
 * <p>Checkpoint parts: {@code model} (the teacher: encoder and head, BatchNorm statistics included;
 * what {@link #evalNet()} is), {@code student}, {@code optimizer} (the student's moments and step
 * count) and {@code center} (the teacher output centre). The scheduled values (temperature, momentum,
 * weight decay) follow from the step, so nothing else is needed to resume exactly.
 */
public final class TeacherStudentMethod implements PretrainMethod<MultiCropBatch> {
  /** Registry name. */
  public static final String NAME = "teacher-student";

  private static final int PREFETCH = 4;

  private final NetConfig net;
  private final TeacherStudentConfig cfg;
  private final TeacherStudentNets nets;
  private final OutputCenter center;
  private final ParameterOptimizer optimizer;
  private final TeacherStudentStep step;

  public TeacherStudentMethod(
      NetConfig net, TeacherStudentConfig cfg, OptimizerConfig optimizer, Device device, long seed) {
    this.net = net;
    this.cfg = cfg;
    this.nets = new TeacherStudentNets(net, cfg, seed, device);
    this.center = new OutputCenter(nets.teacher().manager(), cfg.headOut(), cfg.centerMomentum());
    this.optimizer = Optimizers.create(optimizer);
    this.step = new TeacherStudentStep(nets, cfg, center, this.optimizer);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EpochLoader<MultiCropBatch> openLoader(
      ImageDataset train, Augmentation augmentation, int batchSize, int workers, long seed) {
    return MultiCropLoader.of(
        train, augmentation.config(), cfg.crops(augmentation.outputSize()), batchSize, workers, PREFETCH, seed);
  }

  @Override
  public StepResult step(MultiCropBatch batch, double lr, StepClock clock) {
    return step.run(batch, lr, clock);
  }

  /** The teacher (encoder and head). */
  @Override
  public ContrastiveNet evalNet() {
    return nets.teacher();
  }

  /** Student and teacher: the teacher starts as a copy of the student. */
  @Override
  public java.util.List<ContrastiveNet> initialisedNets() {
    return java.util.List.of(nets.student(), nets.teacher());
  }

  /** The student (encoder and head), trained by the optimiser. */
  public ContrastiveNet student() {
    return nets.student();
  }

  @Override
  public Map<String, StatePart> stateParts() {
    Map<String, StatePart> parts = new LinkedHashMap<>();
    parts.put(EVAL_PART, StatePart.of(nets.teacher()::save, nets.teacher()::load));
    parts.put("student", StatePart.of(nets.student()::save, nets.student()::load));
    parts.put("optimizer", StatePart.of(optimizer::save, optimizer::load));
    parts.put("center", StatePart.of(this::saveCenter, this::loadCenter));
    return parts;
  }

  private void saveCenter(DataOutputStream out) throws IOException {
    float[] c = center.get().toFloatArray();
    out.writeInt(c.length);
    for (float f : c) {
      out.writeFloat(f);
    }
  }

  private void loadCenter(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n != cfg.headOut()) {
      throw new IOException("Checkpoint centre has " + n + " values but the head has " + cfg.headOut() + " outputs.");
    }
    float[] c = new float[n];
    for (int i = 0; i < n; i++) {
      c[i] = in.readFloat();
    }
    center.set(c);
  }

  /** The latest step's teacher temperature, teacher momentum and weight decay (none before the first step). */
  @Override
  public Map<String, Double> scalars() {
    Map<String, Double> s = new LinkedHashMap<>();
    TeacherStudentStep.StepSettings last = step.last();
    if (last != null) {
      s.put("teacher_temp", last.teacherTemperature());
      s.put("teacher_momentum", last.teacherMomentum());
      s.put("weight_decay", last.weightDecay());
    }
    return s;
  }

  @Override
  public String describe() {
    ContrastiveNet s = nets.student();
    long encoderMacs = ContrastiveNet.macsPerImage(net, false);
    return String.format(
        "teacher-student, model %s (%s stem, width %.3g): %.2f M parameters (encoder), %.2f M with the DINO head"
            + " (%d / %d / %d); %.1f MFLOPs per global crop (encoder), %d local crops of %d px",
        net.arch(), net.stem(), net.width(), s.parameterCount(false) / 1e6, s.parameterCount(true) / 1e6,
        cfg.headHidden(), cfg.headBottleneck(), cfg.headOut(), 2.0 * encoderMacs / 1e6, cfg.localCrops(),
        cfg.localSize());
  }

  @Override
  public void close() {
    try (nets;
        OutputCenter c = center;
        ParameterOptimizer p = optimizer) {
      // closed in reverse order
    }
  }
}
