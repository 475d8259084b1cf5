package org.aucl.loss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of objectives: a name (or alias) to a factory taking the {@link ObjectiveConfig}. A new
 * objective is one class and one line in {@link #FACTORIES}.
 */
public final class Objectives {
  private static final Map<String, Function<ObjectiveConfig, ContrastiveObjective>> FACTORIES = new LinkedHashMap<>();
  private static final Map<String, String> ALIASES = Map.of("nt-xent", NtXentObjective.NAME, "ntxent", NtXentObjective.NAME);

  static {
    FACTORIES.put(AucClObjective.NAME, c -> new AucClObjective(c.auc()));
    FACTORIES.put(NtXentObjective.NAME, c -> new NtXentObjective(c.temperature()));
    FACTORIES.put(DclObjective.NAME, c -> new DclObjective(c.temperature()));
    FACTORIES.put(SogClrObjective.NAME, c -> new SogClrObjective(c.temperature(), c.sogclrGamma()));
  }

  private Objectives() {}

  /** The canonical names, in registration order. */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /** The canonical name of {@code name} (an alias resolves to its objective); throws for an unknown name. */
  public static String canonical(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    key = ALIASES.getOrDefault(key, key);
    if (!FACTORIES.containsKey(key)) {
      throw new IllegalArgumentException("Unknown loss '" + name + "'; expected one of "
          + String.join(", ", names()) + " (or the alias nt-xent).");
    }
    return key;
  }

  /** A new, uninitialised objective for {@code config} (call initialize before use). */
  public static ContrastiveObjective create(ObjectiveConfig config) {
    return FACTORIES.get(canonical(config.loss())).apply(config);
  }

  /** Shorthand: {@code name} with every other knob at its default. */
  public static ContrastiveObjective create(String name) {
    return create(ObjectiveConfig.of(name));
  }
}
