package org.aucl.weights;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * timm's names for the arrays of a {@code model.VisionTransformer} (timm's
 * {@code vision_transformer.py} with a class token and no classifier): {@code cls_token},
 * {@code pos_embed} (class token's included), {@code patch_embed.proj}, {@code blocks.N.norm1},
 * {@code blocks.N.attn.qkv}, {@code blocks.N.attn.proj}, {@code blocks.N.norm2},
 * {@code blocks.N.mlp.fc1}, {@code blocks.N.mlp.fc2}, {@code norm}. The shapes agree: linear weights
 * out x in, the qkv output laid out (3, heads, head dim) as timm reshapes it.
 */
public final class TimmNames implements WeightNames {
  private static final Pattern BLOCK = Pattern.compile("\\d+blocks_(\\d+)TransformerBlock_(\\d+)(\\w+?)_(\\w+)");
  private static final Pattern TOP = Pattern.compile("\\d+(patch_embed|norm)_(\\w+)");

  @Override
  public String convention() {
    return "timm";
  }

  @Override
  public String encoder(String name) {
    if (name.equals("cls_token") || name.equals("pos_embed")) {
      return name;
    }
    Matcher top = TOP.matcher(name);
    if (top.matches()) {
      String param = TorchvisionNames.param(top.group(2));
      return top.group(1).equals("patch_embed") ? "patch_embed.proj." + param : "norm." + param;
    }
    Matcher m = BLOCK.matcher(name);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected ViT array " + name);
    }
    String block = "blocks." + (Integer.parseInt(m.group(1)) - 1) + ".";
    String rest = m.group(3) + "_" + m.group(4); // norm1_gamma, attn_01qkv_weight, mlp_01Linear_bias, ...
    Matcher leaf = Pattern.compile("(norm1|norm2)_(\\w+)|attn_\\d+(qkv|proj)_(\\w+)|mlp_(\\d+)Linear_(\\w+)").matcher(rest);
    if (!leaf.matches()) {
      throw new IllegalStateException("unexpected ViT array " + name);
    }
    if (leaf.group(1) != null) {
      return block + leaf.group(1) + "." + TorchvisionNames.param(leaf.group(2));
    }
    if (leaf.group(3) != null) {
      return block + "attn." + leaf.group(3) + "." + leaf.group(4);
    }
    return block + "mlp." + (leaf.group(5).equals("01") ? "fc1" : "fc2") + "." + leaf.group(6);
  }

  @Override
  public boolean isClassifier(String external) {
    return external.startsWith("head.");
  }
}
