package org.aucl.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Map;
import java.util.Random;
import org.aucl.augment.PairBatch;
import org.aucl.loss.ContrastiveObjective;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.loss.ObjectiveOutput;
import org.aucl.loss.Objectives;
import org.aucl.model.ContrastiveNet;
import org.aucl.model.NetConfig;
import org.aucl.optim.OptimizerConfig;
import org.aucl.optim.Optimizers;
import org.aucl.optim.ParameterOptimizer;
import org.junit.jupiter.api.Test;

class TwoViewStepTest {
  private static final NetConfig CFG = new NetConfig("resnet18", "cifar", 1, 0.25, 32, 16, 12);

  /** mean ||z1 - z2||^2 + (c - 1)^2 with a learnable scalar c that starts at 2. */
  static final class ToyObjective implements ContrastiveObjective {
    NDArray c;

    @Override
    public String name() {
      return "toy";
    }

    @Override
    public void initialize(NDManager manager, int datasetSize) {
      c = manager.create(2f);
      c.setRequiresGradient(true);
    }

    @Override
    public ObjectiveOutput forward(NDArray z1, NDArray z2, NDArray indices) {
      NDArray loss = z1.sub(z2).square().sum(new int[] {1}).mean().add(c.sub(1).square());
      return new ObjectiveOutput(loss, z1.getManager().create(new double[] {0, 0, Double.NaN}));
    }

    @Override
    public Map<String, NDArray> minimisedVariables() {
      return Map.of("c", c);
    }

    @Override
    public void afterStep() {}

    @Override
    public Map<String, Double> scalars() {
      return Map.of("c", (double) c.getFloat());
    }

    @Override
    public void save(DataOutputStream out) {}

    @Override
    public void load(DataInputStream in) {}
  }

  static PairBatch batch(Random r, int b, int ch, int size) {
    int n = b * ch * size * size;
    float[] v1 = new float[n];
    float[] v2 = new float[n];
    for (int i = 0; i < n; i++) {
      v1[i] = (float) r.nextGaussian();
      v2[i] = v1[i] + 0.3f * (float) r.nextGaussian();
    }
    int[] idx = new int[b];
    for (int i = 0; i < b; i++) {
      idx[i] = i;
    }
    return new PairBatch(v1, v2, new int[b], idx, b, ch, size, size);
  }

  @Test
  void lossFallsAndObjectiveVariableSkipsWeightDecay() {
    for (boolean twoPass : new boolean[] {true, false}) {
      try (ContrastiveNet net = ContrastiveNet.create(CFG, 1);
          NDManager objManager = net.manager().newSubManager();
          ParameterOptimizer opt = Optimizers.create(OptimizerConfig.defaults("adamw").withWeightDecay(0.5))) {
        ToyObjective obj = new ToyObjective();
        obj.initialize(objManager, 8);
        TwoViewStep step = new TwoViewStep(net, obj, opt, twoPass);
        PairBatch b = batch(new Random(3), 8, 1, 12);
        double lr = 0.01;
        StepResult first = step.run(b, lr);
        // Adam's first step moves c by exactly lr against its gradient's sign; decay would add 2 * lr * 0.5.
        assertEquals(2 - lr, obj.c.getFloat(), 1e-6, "c after one step");
        StepResult last = first;
        for (int i = 0; i < 15; i++) {
          last = step.run(b, lr);
        }
        assertTrue(last.loss() < 0.7 * first.loss(), "loss " + first.loss() + " -> " + last.loss());
      }
    }
  }

  @Test
  void recordedPhasesCoverEveryPartOfTheStep() {
    try (ContrastiveNet net = ContrastiveNet.create(CFG, 1);
        NDManager objManager = net.manager().newSubManager();
        ParameterOptimizer opt = Optimizers.create(OptimizerConfig.defaults("adamw"))) {
      ToyObjective obj = new ToyObjective();
      obj.initialize(objManager, 8);
      TwoViewStep step = new TwoViewStep(net, obj, opt, false);
      StepPhases phases = StepPhases.recording();
      step.recordPhases(phases);
      PairBatch b = batch(new Random(4), 8, 1, 12);
      long t0 = System.nanoTime();
      step.run(b, 0.01);
      step.run(b, 0.01);
      double wall = (System.nanoTime() - t0) / 1e9;
      java.util.Map<StepPhases.Phase, Double> s = phases.seconds();
      assertEquals(java.util.EnumSet.allOf(StepPhases.Phase.class), s.keySet(), "every phase recorded");
      double sum = s.values().stream().mapToDouble(Double::doubleValue).sum();
      assertTrue(s.values().stream().allMatch(v -> v >= 0) && sum <= wall, "phases " + s + " within " + wall + " s");
      assertTrue(s.get(StepPhases.Phase.FORWARD) > 0 && s.get(StepPhases.Phase.BACKWARD) > 0, "forward and backward take time");
      phases.reset();
      assertTrue(phases.seconds().isEmpty(), "reset forgets");
    }
  }

  @Test
  void objectiveVariablesAreDecayedWhenAsked() {
    try (ContrastiveNet net = ContrastiveNet.create(CFG, 1);
        NDManager objManager = net.manager().newSubManager();
        ParameterOptimizer opt = Optimizers.create(OptimizerConfig.defaults("adamw").withWeightDecay(0.5))) {
      ToyObjective obj = new ToyObjective();
      obj.initialize(objManager, 8);
      TwoViewStep step = new TwoViewStep(net, obj, opt, false, true);
      double lr = 0.01;
      step.run(batch(new Random(3), 8, 1, 12), lr);
      // the Adam step (lr) plus decoupled decay lr * 0.5 * c, with c = 2: the authors' treatment of b
      assertEquals(2 - lr - lr * 0.5 * 2, obj.c.getFloat(), 1e-6, "c after one step");
    }
  }

  /** Arrays alive under the engine's root manager (all managers descend from it). */
  private static int liveArrays() {
    try (NDManager probe = NDManager.newBaseManager()) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }

  @Test
  void liveArraysDoNotGrowOverFiftySteps() {
    try (ContrastiveNet net = ContrastiveNet.create(CFG, 1);
        NDManager objManager = net.manager().newSubManager();
        ParameterOptimizer opt = Optimizers.create(OptimizerConfig.defaults("lars"))) {
      ToyObjective obj = new ToyObjective();
      obj.initialize(objManager, 8);
      TwoViewStep step = new TwoViewStep(net, obj, opt, true);
      Random r = new Random(5);
      PairBatch b = batch(r, 4, 1, 12);
      step.run(b, 0.1); // creates the optimiser state
      int before = liveArrays();
      assertTrue(before > net.parameters().size(), "counting sees the parameters: " + before);
      for (int i = 0; i < 50; i++) {
        step.run(b, 0.1);
      }
      int after = liveArrays();
      assertEquals(before, after, "live NDArrays before and after 50 steps");
    }
  }

  @Test
  void withAucClTheLossFallsAndTheOptimiserAloneZeroesGradients() {
    try (ContrastiveNet net = ContrastiveNet.create(CFG, 1);
        NDManager objManager = net.manager().newSubManager();
        ContrastiveObjective obj = Objectives.create(ObjectiveConfig.of("auc-cl"));
        ParameterOptimizer opt = Optimizers.create(OptimizerConfig.defaults("adamw"))) {
      obj.initialize(objManager, 8);
      TwoViewStep step = new TwoViewStep(net, obj, opt, false);
      PairBatch b = batch(new Random(7), 8, 1, 12);
      StepResult first = step.run(b, 0.01);
      for (Map.Entry<String, NDArray> e : step.trainables().entrySet()) {
        if (e.getValue().hasGradient()) {
          assertEquals(0, e.getValue().getGradient().abs().sum().getFloat(), 0, e.getKey() + "'s gradient after the step");
        }
      }
      StepResult last = first;
      for (int i = 0; i < 15; i++) {
        last = step.run(b, 0.01);
      }
      assertTrue(last.loss() < first.loss() - 0.1, "AUC-CL loss " + first.loss() + " -> " + last.loss());
      assertTrue(last.batchAuc() >= first.batchAuc(), "batch AUC " + first.batchAuc() + " -> " + last.batchAuc());
    }
  }

  @Test
  void gradientsOfTheObjectiveVariablesDoNotAccumulateAcrossSteps() {
    OptimizerConfig sgd = OptimizerConfig.defaults("sgd").withMomentum(0).withWeightDecay(0);
    try (ContrastiveNet net = ContrastiveNet.create(CFG, 1);
        NDManager objManager = net.manager().newSubManager();
        ContrastiveObjective obj = Objectives.create(ObjectiveConfig.of("auc-cl"));
        ParameterOptimizer opt = Optimizers.create(sgd)) {
      obj.initialize(objManager, 8);
      TwoViewStep step = new TwoViewStep(net, obj, opt, false);
      PairBatch b = batch(new Random(11), 8, 1, 12);
      double b0 = obj.scalars().get("b");
      step.run(b, 1e-3);
      double b1 = obj.scalars().get("b");
      step.run(b, 1e-3);
      double b2 = obj.scalars().get("b");
      // Plain SGD moves b by lr times its gradient; an accumulated gradient would double the second move.
      double ratio = (b2 - b1) / (b1 - b0);
      assertTrue(Math.abs(ratio - 1) < 0.3, "second move of b / first = " + ratio);
    }
  }

  /** Every array of the network, BatchNorm running statistics included, as bytes. */
  private static byte[] weights(ContrastiveNet net) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      net.save(out);
    }
    return bytes.toByteArray();
  }

  /** The same batch with one pixel of the first view made NaN. */
  private static PairBatch poisoned(PairBatch b) {
    float[] v1 = b.view1().clone();
    v1[0] = Float.NaN;
    return new PairBatch(v1, b.view2(), b.labels(), b.indices(), b.size(), b.channels(), b.height(), b.width());
  }

  @Test
  void aRunningStatsSnapshotPutsBackWhatATrainingForwardPassChanged() throws Exception {
    try (ContrastiveNet net = ContrastiveNet.create(CFG, 1); NDManager step = net.manager().newSubManager()) {
      byte[] before = weights(net);
      PairBatch b = poisoned(batch(new Random(3), 8, 1, 12));
      RunningStatsSnapshot snapshot = RunningStatsSnapshot.take(step, net);
      net.forward(step.create(b.view1(), new ai.djl.ndarray.types.Shape(b.shape())), true);
      boolean nan = false;
      for (NDArray a : net.runningStatistics()) {
        nan |= a.isNaN().any().getBoolean();
      }
      assertTrue(nan, "a NaN pixel reaches the running statistics in a training forward pass");
      snapshot.restore();
      assertTrue(java.util.Arrays.equals(before, weights(net)), "running statistics put back bit for bit");
    }
  }

  @Test
  void aNonFiniteStepChangesNothingSoComputingItAgainEqualsAFirstFiniteTry() throws Exception {
    for (boolean twoPass : new boolean[] {true, false}) {
      byte[][] weights = new byte[2][];
      Map<?, ?>[] scalars = new Map<?, ?>[2];
      for (int run = 0; run < 2; run++) {
        try (ContrastiveNet net = ContrastiveNet.create(CFG, 1);
            NDManager objManager = net.manager().newSubManager();
            ContrastiveObjective obj = Objectives.create(ObjectiveConfig.of("auc-cl"));
            ParameterOptimizer opt = Optimizers.create(OptimizerConfig.defaults("adamw"))) {
          obj.initialize(objManager, 8);
          TwoViewStep step = new TwoViewStep(net, obj, opt, twoPass);
          Random r = new Random(13);
          PairBatch first = batch(r, 8, 1, 12);
          PairBatch second = batch(r, 8, 1, 12);
          step.run(first, 0.01);
          if (run == 1) {
            StepResult bad = step.run(poisoned(second), 0.01);
            assertTrue(Double.isNaN(bad.loss()), "a NaN input gives a non-finite step");
          }
          StepResult good = step.run(second, 0.01);
          assertTrue(Double.isFinite(good.loss()), "the same batch, clean, is finite");
          step.run(first, 0.01);
          weights[run] = weights(net);
          scalars[run] = obj.scalars();
        }
      }
      assertTrue(java.util.Arrays.equals(weights[0], weights[1]),
          "weights and running statistics with and without a discarded non-finite step (two-pass " + twoPass + ")");
      assertEquals(scalars[0], scalars[1], "the objective's state");
    }
  }
}
