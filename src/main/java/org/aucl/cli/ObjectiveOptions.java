package org.aucl.cli;

import java.util.ArrayList;
import java.util.List;
import org.aucl.loss.AucClDefaults;
import org.aucl.loss.AucClObjective;
import org.aucl.loss.AucClPreset;
import org.aucl.loss.AucClSettings;
import org.aucl.loss.NegativeReduction;
import org.aucl.loss.NegativeSet;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.loss.Objectives;
import org.aucl.loss.SogClrObjective;
import org.aucl.util.UserException;
import picocli.CommandLine.Option;

/**
 * The loss options of a command (mix in with {@code @Mixin ObjectiveOptions objective;}), applied to
 * an {@link ObjectiveConfig}: an option left out keeps the current value (the default job's, or a
 * recipe's); an option that cannot apply (an AUC-CL knob for NT-Xent, any knob of a preset other than
 * default) is refused with one sentence. The help texts quote the defaults from their owners
 * ({@link AucClDefaults}, {@link ObjectiveConfig}), never a copy. Every option is null unless given.
 */
public final class ObjectiveOptions {
  @Option(names = "--loss", paramLabel = "NAME",
      description = "Objective: auc-cl, simclr (alias nt-xent), dcl, sogclr (default: " + AucClObjective.NAME + ").")
  String loss;

  @Option(names = "--auc-preset", paramLabel = "NAME",
      description = "AUC-CL preset: default, official-cifar, imagenet-weighting (default: default); all but default fix every AUC-CL knob.")
  String aucPreset;

  @Option(names = "--auc-a", paramLabel = "A", description = "Initial (or fixed) a, the target of positive scores (default preset: " + AucClDefaults.A + ").")
  Double aucA;

  @Option(names = "--auc-a-learnable", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      description = "Train a with the network's optimiser (default preset: " + AucClDefaults.A_LEARNABLE + ").")
  Boolean aucALearnable;

  @Option(names = "--auc-b", paramLabel = "B", description = "Initial (or fixed) b, the centre of negative scores (default preset: " + AucClDefaults.B + ").")
  Double aucB;

  @Option(names = "--auc-b-learnable", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      description = "Train b with the network's optimiser (default preset: " + AucClDefaults.B_LEARNABLE + ").")
  Boolean aucBLearnable;

  @Option(names = "--auc-alpha", paramLabel = "ALPHA", description = "Initial (or fixed) alpha >= 0 (default preset: " + AucClDefaults.ALPHA + ").")
  Double aucAlpha;

  @Option(names = "--auc-alpha-ascent", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      description = "Update alpha by projected dual ascent after each step (default preset: " + AucClDefaults.ALPHA_ASCENT + ").")
  Boolean aucAlphaAscent;

  @Option(names = "--auc-alpha-lr", paramLabel = "ETA", description = "Step size of alpha's ascent, with --auc-alpha-ascent (default preset: " + AucClDefaults.ALPHA_LR + ").")
  Double aucAlphaLr;

  @Option(names = "--auc-margin", paramLabel = "M", description = "Margin m (default preset: " + AucClDefaults.MARGIN + ").")
  Double aucMargin;

  @Option(names = "--auc-neg-weight", paramLabel = "W", description = "Weight w of the negative term (default preset: " + AucClDefaults.NEG_WEIGHT + ").")
  Double aucNegWeight;

  @Option(names = "--auc-include-partner", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      description = "Count the partner view among the negatives (default preset: " + AucClDefaults.INCLUDE_PARTNER + ").")
  Boolean aucIncludePartner;

  @Option(names = "--auc-neg-reduction", paramLabel = "R",
      description = "Reduce each anchor's negatives by mean, sum or sum-over-batch (default preset: " + AucClDefaults.REDUCTION + ").")
  String aucNegReduction;

  @Option(names = "--auc-clamp-positives", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      description = "Use clamp(s - 0.5, 0, 1) as the positive score (default preset: " + AucClDefaults.CLAMP_POSITIVES + ").")
  Boolean aucClampPositives;

  @Option(names = "--temperature", paramLabel = "TAU",
      description = "Temperature of simclr and dcl (default: " + ObjectiveConfig.DEFAULT_TEMPERATURE + ") and of sogclr (default: "
          + ObjectiveConfig.DEFAULT_SOGCLR_TEMPERATURE + "); at least " + ObjectiveConfig.MIN_TEMPERATURE + ".")
  Double temperature;

  @Option(names = "--sogclr-gamma", paramLabel = "G", description = "SogCLR's moving-average weight in (0, 1] (default: " + ObjectiveConfig.DEFAULT_SOGCLR_GAMMA + ").")
  Double sogclrGamma;

  /** The default job's objective with the given options applied. */
  public ObjectiveConfig toConfig() {
    return applyTo(ObjectiveConfig.of(AucClObjective.NAME));
  }

  /**
   * {@code current} with the given options applied: another {@code --loss} starts from that loss's
   * defaults, {@code --auc-preset} from the preset's knobs; throws {@link UserException} for impossible
   * combinations.
   */
  public ObjectiveConfig applyTo(ObjectiveConfig current) {
    List<String> aucGiven = aucOptionsGiven();
    if (loss == null && aucPreset == null && aucGiven.isEmpty() && temperature == null && sogclrGamma == null) {
      return current;
    }
    String name;
    try {
      name = loss == null ? current.loss() : Objectives.canonical(loss);
    } catch (IllegalArgumentException e) {
      throw new UserException("--loss: " + e.getMessage());
    }
    boolean isAuc = name.equals(AucClObjective.NAME);
    if (!isAuc && (!aucGiven.isEmpty() || aucPreset != null)) {
      throw new UserException((aucGiven.isEmpty() ? "--auc-preset" : aucGiven.get(0))
          + " applies only to --loss auc-cl, not to " + name + ".");
    }
    if (isAuc && temperature != null) {
      throw new UserException("--temperature applies to simclr, dcl and sogclr, not to auc-cl.");
    }
    if (sogclrGamma != null && !name.equals(SogClrObjective.NAME)) {
      throw new UserException("--sogclr-gamma applies only to --loss sogclr, not to " + name + ".");
    }
    try {
      ObjectiveConfig c = name.equals(current.loss()) ? current : ObjectiveConfig.of(name);
      AucClSettings s = aucPreset == null ? c.auc() : AucClPreset.parse(aucPreset).settings();
      if (s.preset().isFixed() && !aucGiven.isEmpty()) {
        throw new UserException(aucGiven.get(0) + " cannot be combined with "
            + (aucPreset != null ? "--auc-preset " : "the recipe's AUC-CL preset ") + s.preset()
            + ", which fixes every AUC-CL knob; use --auc-preset default to change it.");
      }
      c = c.withAuc(aucGiven.isEmpty() ? s : override(s));
      if (temperature != null) {
        c = c.withTemperature(temperature);
      }
      if (sogclrGamma != null) {
        c = c.withSogclrGamma(sogclrGamma);
      }
      return c;
    } catch (UserException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private AucClSettings override(AucClSettings s) {
    boolean ascent = or(aucAlphaAscent, s.alphaAscent());
    if (aucAlphaLr != null && !ascent) {
      throw new UserException("--auc-alpha-lr has no effect while alpha is fixed; add --auc-alpha-ascent or drop --auc-alpha-lr.");
    }
    NegativeSet set = aucIncludePartner == null ? s.negatives()
        : aucIncludePartner ? NegativeSet.ALL_OTHERS : NegativeSet.NON_PARTNER;
    NegativeReduction red = aucNegReduction == null ? s.reduction() : NegativeReduction.parse(aucNegReduction);
    return s.toBuilder()
        .optA(or(aucA, s.a()), or(aucALearnable, s.aLearnable()))
        .optB(or(aucB, s.b()), or(aucBLearnable, s.bLearnable()))
        .optAlpha(or(aucAlpha, s.alpha()), ascent, or(aucAlphaLr, s.alphaLr()))
        .optMargin(or(aucMargin, s.margin()))
        .optNegatives(or(aucNegWeight, s.negWeight()), set, red)
        .optClampPositives(or(aucClampPositives, s.clampPositives()))
        .build();
  }

  private static <T> T or(T given, T fallback) {
    return given != null ? given : fallback;
  }

  /** The loss options given, by name. */
  List<String> given() {
    List<String> g = new ArrayList<>();
    if (loss != null) g.add("--loss");
    if (aucPreset != null) g.add("--auc-preset");
    g.addAll(aucOptionsGiven());
    if (temperature != null) g.add("--temperature");
    if (sogclrGamma != null) g.add("--sogclr-gamma");
    return g;
  }

  private List<String> aucOptionsGiven() {
    List<String> given = new ArrayList<>();
    if (aucA != null) given.add("--auc-a");
    if (aucALearnable != null) given.add("--auc-a-learnable");
    if (aucB != null) given.add("--auc-b");
    if (aucBLearnable != null) given.add("--auc-b-learnable");
    if (aucAlpha != null) given.add("--auc-alpha");
    if (aucAlphaAscent != null) given.add("--auc-alpha-ascent");
    if (aucAlphaLr != null) given.add("--auc-alpha-lr");
    if (aucMargin != null) given.add("--auc-margin");
    if (aucNegWeight != null) given.add("--auc-neg-weight");
    if (aucIncludePartner != null) given.add("--auc-include-partner");
    if (aucNegReduction != null) given.add("--auc-neg-reduction");
    if (aucClampPositives != null) given.add("--auc-clamp-positives");
    return given;
  }
}
