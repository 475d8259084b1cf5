package org.aucl.run;

/**
 * Where a run's weights came from when not only from its own training, in config.json: a run made by
 * {@code aucl import} (its weights are a file's, and aucl did not train them) or one that
 * {@code pretrain --init} started from a file's encoder weights.
 *
 * @param kind {@value #IMPORTED} or {@value #INIT}
 * @param file the safetensors file, as an absolute path
 * @param sha256 the file's SHA-256 (a run started with {@code --init} refuses a file that changed)
 * @param names the tensors' naming convention: torchvision or timm
 * @param producer what made the file, from its metadata ("aucl 1.2.0"); null for a file from elsewhere
 * @param trainedByAucl false for an imported run: no aucl training made its weights
 */
public record WeightsOrigin(String kind, String file, String sha256, String names, String producer, boolean trainedByAucl) {
  public static final String IMPORTED = "imported";
  public static final String INIT = "init";

  public boolean imported() {
    return IMPORTED.equals(kind);
  }
}
