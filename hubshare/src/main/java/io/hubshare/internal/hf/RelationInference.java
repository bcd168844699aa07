package io.hubshare.internal.hf;

import io.hubshare.domain.Relation;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Infers how a model derives from a base the response names without a relation (a {@code base_model:<id>} tag
 * alone, or {@code cardData.base_model} without {@code base_model_relation}), the way the Hub does it from the
 * repository's files, as far as its tags reflect them. The first rule that matches wins:
 *
 * <ol>
 *   <li><b>adapter</b>: library {@code peft}, or a {@code peft}, {@code lora} or {@code adapter} tag (the Hub
 *       sees an {@code adapter_config.json});
 *   <li><b>merge</b>: several bases;
 *   <li><b>quantized</b>: library {@code gguf} or {@code llama.cpp}, or a tag of a quantized format:
 *       {@code gguf}, {@code imatrix}, {@code llama.cpp}, {@code gptq}, {@code awq}, {@code exl2}, {@code exl3},
 *       {@code bitsandbytes}, {@code compressed-tensors}, {@code hqq}, {@code aqlm}, {@code fp8}, {@code nvfp4},
 *       {@code mxfp4}, {@code int4}, {@code int8}, {@code onnx}, or an <i>n</i>-bit tag such as {@code 4-bit}
 *       (MLX and bitsandbytes quantizations);
 *   <li><b>finetune</b>: everything else.
 * </ol>
 *
 * <p>Adapter comes before merge because an adapter often names several compatible bases. Checked against the
 * Hub's own answer on the 7,824 models of the 2026-08 sample whose tags carry an explicit relation to a valid
 * base, these rules give the same relation for 7,526 (96%; a test keeps it above 95%). Most misses are
 * quantizations in formats no tag names, and finetunes tagged with a precision such as {@code fp8}.
 */
final class RelationInference {
  private static final Set<String> ADAPTER_TAGS = Set.of("peft", "lora", "adapter");
  private static final Set<String> ADAPTER_LIBRARIES = Set.of("peft");
  private static final Set<String> QUANTIZED_TAGS = Set.of("gguf", "imatrix", "llama.cpp", "llama-cpp", "gptq",
      "awq", "exl2", "exl3", "bitsandbytes", "compressed-tensors", "hqq", "aqlm", "fp8", "nvfp4", "mxfp4", "int4",
      "int8", "onnx");
  private static final Set<String> QUANTIZED_LIBRARIES = Set.of("gguf", "llama.cpp");

  private RelationInference() {}

  /**
   * @param baseCount how many distinct bases the model names
   * @param tags the model's tags
   * @param libraryName the model's library, if known
   */
  static Relation infer(int baseCount, List<String> tags, @Nullable String libraryName) {
    if ((libraryName != null && ADAPTER_LIBRARIES.contains(libraryName)) || anyIn(tags, ADAPTER_TAGS)) {
      return Relation.ADAPTER;
    }
    if (baseCount > 1) return Relation.MERGE;
    if ((libraryName != null && QUANTIZED_LIBRARIES.contains(libraryName)) || isQuantized(tags)) {
      return Relation.QUANTIZED;
    }
    return Relation.FINETUNE;
  }

  private static boolean anyIn(List<String> tags, Set<String> set) {
    for (int i = 0; i < tags.size(); i++) {
      if (set.contains(tags.get(i))) return true;
    }
    return false;
  }

  private static boolean isQuantized(List<String> tags) {
    for (int i = 0; i < tags.size(); i++) {
      String t = tags.get(i);
      if (QUANTIZED_TAGS.contains(t) || isBitWidth(t)) return true;
    }
    return false;
  }

  /** {@code 2-bit} … {@code 8-bit}, also written {@code 4bit}. */
  private static boolean isBitWidth(String t) {
    int n = t.length();
    if (n != 4 && n != 5) return false;
    char d = t.charAt(0);
    if (d < '1' || d > '8') return false;
    return n == 5 ? t.startsWith("-bit", 1) : t.startsWith("bit", 1);
  }
}
