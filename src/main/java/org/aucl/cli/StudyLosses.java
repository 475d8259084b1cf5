package org.aucl.cli;

import java.util.ArrayList;
import java.util.List;
import org.aucl.loss.BiasStudy;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.loss.Objectives;
import org.aucl.util.UserException;

/** Turns a study's comma-separated --losses into configurations (AUC-CL: the study's fixed a, b, alpha). */
final class StudyLosses {
  private StudyLosses() {}

  static List<ObjectiveConfig> parse(List<String> names) {
    List<ObjectiveConfig> configs = new ArrayList<>();
    for (String n : names) {
      String name;
      try {
        name = Objectives.canonical(n);
      } catch (IllegalArgumentException e) {
        throw new UserException("--losses: " + e.getMessage());
      }
      ObjectiveConfig c = ObjectiveConfig.of(name);
      configs.add(name.equals("auc-cl") ? c.withAuc(BiasStudy.studyAucSettings()) : c);
    }
    return configs;
  }
}
