package org.aucl.method.teacher;

import ai.djl.Device;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.DinoHead;
import org.aucl.model.NetConfig;

/**
 * The student and the teacher of the teacher-student method: two networks of one architecture, each
 * an encoder and a {@link DinoHead} (parameters "encoder.…" and "head.…"). Both are built from the
 * same seed, so the teacher starts as a copy of the student; the teacher takes no gradients
 * ({@link ContrastiveNet#stopGradients()}) and moves only by {@link #ema()}.
 */
public final class TeacherStudentNets implements AutoCloseable {
  /** The name of the head, the prefix of its parameters. */
  public static final String HEAD = "head";

  private final ContrastiveNet student;
  private final ContrastiveNet teacher;
  private final EmaTeacher ema;

  public TeacherStudentNets(NetConfig net, TeacherStudentConfig cfg, long seed, Device device) {
    this.student = network(net, cfg, seed, device);
    this.teacher = network(net, cfg, seed, device);
    teacher.stopGradients();
    this.ema = new EmaTeacher(teacher.parameters(), student.parameters());
    ema.copyStudent();
  }

  /**
   * One network of this method's shape (encoder and DINO head), initialised from {@code seed}: what
   * an evaluation builds to load the teacher's weights into.
   */
  public static ContrastiveNet network(NetConfig net, TeacherStudentConfig cfg, long seed, Device device) {
    return ContrastiveNet.withHead(net, seed, device, HEAD, in -> DinoHead.builder()
        .optHidden(cfg.headHidden()).optBottleneck(cfg.headBottleneck()).optOutDim(cfg.headOut()).build());
  }

  public ContrastiveNet student() {
    return student;
  }

  public ContrastiveNet teacher() {
    return teacher;
  }

  /** The teacher's moving average of the student. */
  public EmaTeacher ema() {
    return ema;
  }

  @Override
  public void close() {
    try (student;
        teacher) {
      // closed in reverse order
    }
  }
}
