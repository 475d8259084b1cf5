package org.aucl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AUC-CL, the square-loss min-max AUC surrogate over contrastive scores (docs/LOSSES.md, "AUC-CL"):
 *
 * <pre>
 * L = mean_k [ (p_k - a)^2 - 2 alpha p_k ]
 *   + w mean_k R_l [ (n_kl - b)^2 + 2 alpha n_kl ]
 *   + 2 alpha m - alpha^2
 * </pre>
 *
 * with {@code p_k = s(k, partner(k))} (or {@code clamp(s - 0.5, 0, 1)}), {@code n_kl = s(k, l)} over the
 * configured {@link NegativeSet}, and {@code R} the configured {@link NegativeReduction}. The reported
 * loss is this L in full, constants included.
 *
 * <p>Who updates what: {@code a} and {@code b}, when learnable, are returned by
 * {@link #minimisedVariables()} with gradients attached and are trained by the network's optimiser
 * (no weight decay); {@code alpha}, when ascent is on, is updated in {@link #afterStep()} by
 * {@code alpha <- max(0, alpha + eta dL/dalpha)}, {@code dL/dalpha = 2 (m - mean p + N) - 2 alpha},
 * where N is the negative term's linear part (w mean n for the mean reduction), both stored by the
 * last {@link #forward}. Fixed values never change.
 */
public final class AucClObjective implements ContrastiveObjective {
  public static final String NAME = "auc-cl";

  /** Where this objective's own statistics sit in its output's statistics. */
  private static final int MEAN_P = ObjectiveOutput.COMMON;
  private static final int NEG_LINEAR = ObjectiveOutput.COMMON + 1;

  private final AucClSettings settings;
  private double a;
  private double b;
  private double alpha;
  private NDArray aVar;
  private NDArray bVar;
  /** The last forward's output, whose own statistics (mean p, N) the dual step needs; null after it. */
  private ObjectiveOutput last;

  public AucClObjective(AucClSettings settings) {
    this.settings = settings;
    this.a = settings.a();
    this.b = settings.b();
    this.alpha = settings.alpha();
  }

  public AucClSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void initialize(NDManager manager, int datasetSize) {
    if (settings.aLearnable()) {
      aVar = variable(manager, a);
    }
    if (settings.bLearnable()) {
      bVar = variable(manager, b);
    }
  }

  private static NDArray variable(NDManager manager, double value) {
    NDArray v = manager.create((float) value);
    v.setRequiresGradient(true);
    return v;
  }

  /**
   * @param z1 B x d, view 1
   * @param z2 B x d, view 2
   * @param indices ignored (may be null)
   */
  @Override
  public ObjectiveOutput forward(NDArray z1, NDArray z2, NDArray indices) {
    if (settings.aLearnable() && aVar == null || settings.bLearnable() && bVar == null) {
      throw new IllegalStateException("AUC-CL: call initialize() before forward().");
    }
    PairScores ps = PairScores.of(z1, z2);
    int batch = ps.batch;
    NDArray p = ps.positiveScores();
    if (settings.clampPositives()) {
      p = p.sub(0.5).clip(0, 1);
    }
    NDArray s = ps.scores();
    NDArray mask = ps.negativeMask(settings.negatives());
    double factor = settings.negWeight()
        * settings.reduction().factor(settings.negatives().count(batch), batch) / (2.0 * batch);

    NDArray pMinusA = aVar != null ? p.sub(aVar) : p.sub(a);
    NDArray positiveTerm = pMinusA.square().sub(p.mul(2 * alpha)).mean();
    NDArray sMinusB = bVar != null ? s.sub(bVar) : s.sub(b);
    NDArray negativeTerm = sMinusB.square().add(s.mul(2 * alpha)).mul(mask.mul(factor)).sum();
    NDArray loss = positiveTerm.add(negativeTerm)
        .add(PairScores.scalar(2 * alpha * settings.margin() - alpha * alpha, positiveTerm));

    // mean p and the negative term's linear part, for the dual step, read with the step's other numbers
    NDArray meanP = p.stopGradient().mean().toType(DataType.FLOAT64, false).reshape(1);
    NDArray negLinear = s.stopGradient().mul(mask.mul(factor)).sum().toType(DataType.FLOAT64, false).reshape(1);
    last = new ObjectiveOutput(loss, NDArrays.concat(new NDList(ps.diagnostics(), meanP, negLinear)));
    return last;
  }

  @Override
  public Map<String, NDArray> minimisedVariables() {
    Map<String, NDArray> vars = new LinkedHashMap<>();
    if (aVar != null) {
      vars.put("a", aVar);
    }
    if (bVar != null) {
      vars.put("b", bVar);
    }
    return vars;
  }

  /** The derivative of L in alpha at the last forward's scores: 2 (m - mean p + N) - 2 alpha. */
  public double alphaGradient() {
    if (last == null) {
      throw new IllegalStateException("AUC-CL: no forward since the last dual step.");
    }
    double[] v = last.values();
    return 2 * (settings.margin() - v[MEAN_P] + v[NEG_LINEAR]) - 2 * alpha;
  }

  /**
   * Projected dual ascent on alpha if enabled. The gradients of a and b are the optimiser's: it zeroes
   * them after its update, as it does the network's.
   */
  @Override
  public void afterStep() {
    if (settings.alphaAscent() && last != null) {
      alpha = Math.max(0, alpha + settings.alphaLr() * alphaGradient());
    }
    last = null; // its arrays belong to the step, which ends now
  }

  public double a() {
    return aVar != null ? aVar.toType(DataType.FLOAT64, false).getDouble() : a;
  }

  public double b() {
    return bVar != null ? bVar.toType(DataType.FLOAT64, false).getDouble() : b;
  }

  public double alpha() {
    return alpha;
  }

  @Override
  public Map<String, Double> scalars() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("a", a());
    m.put("b", b());
    m.put("alpha", alpha);
    return m;
  }

  @Override
  public void save(DataOutputStream out) throws IOException {
    StateFormat.writeHeader(out, NAME);
    out.writeDouble(a());
    out.writeDouble(b());
    out.writeDouble(alpha);
  }

  @Override
  public void load(DataInputStream in) throws IOException {
    StateFormat.readHeader(in, NAME);
    a = in.readDouble();
    b = in.readDouble();
    alpha = in.readDouble();
    if (aVar != null) {
      aVar.set(new float[] {(float) a});
    }
    if (bVar != null) {
      bVar.set(new float[] {(float) b});
    }
  }
}
