package io.hubshare.bench;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fields of a model a response carries, by the Hub's rules (hub-api.md): without {@code expand}, the default
 * list fields; {@code full=true}, every field; {@code cardData=true}, the defaults plus {@code cardData};
 * {@code expand=a&expand=b}, only {@code _id}, {@code id} and the fields named. {@code _id} and {@code id} always
 * come back.
 *
 * @param names the fields selected, or null for every field
 */
record Fields(Set<String> names) {
  /** What the Hub sends on a list call without {@code expand}. */
  static final Set<String> LIST_DEFAULT = Set.of("modelId", "likes", "trendingScore", "private", "downloads", "tags",
      "pipeline_tag", "library_name", "createdAt");

  /** Every field the Hub accepts in {@code expand}. */
  static final Set<String> EXPANDABLE = Set.of("author", "baseModels", "cardData", "childrenModelCount", "config",
      "createdAt", "disabled", "downloads", "downloadsAllTime", "evalResults", "gated", "gguf", "inference",
      "inferenceProviderMapping", "lastModified", "library_name", "likes", "mask_token", "model-index", "pipeline_tag",
      "private", "resourceGroup", "safetensors", "sha", "siblings", "spaces", "tags", "transformersInfo",
      "trendingScore", "usedStorage", "widgetData");

  /** Refused on the list call, accepted on the info call. */
  static final Set<String> INFO_ONLY = Set.of("baseModels", "childrenModelCount", "usedStorage");

  static final Fields ALL = new Fields(null);

  /**
   * The selection a request asks for.
   *
   * @param list whether this is the list call, which refuses {@link #INFO_ONLY}
   * @throws IllegalArgumentException with the Hub's 400 message when the request is refused
   */
  static Fields of(List<String> expand, boolean full, boolean config, boolean cardData, boolean list) {
    if (expand.isEmpty()) {
      if (full || !list) return ALL;
      if (cardData) {
        Set<String> s = new TreeSet<>(LIST_DEFAULT);
        s.add("cardData");
        return new Fields(Set.copyOf(s));
      }
      return new Fields(LIST_DEFAULT);
    }
    if (full || config || cardData) {
      throw new IllegalArgumentException("\"expand\" cannot be used with \"full\", \"config\" or \"cardData\"");
    }
    Set<String> allowed = new TreeSet<>(EXPANDABLE);
    if (list) allowed.removeAll(INFO_ONLY);
    for (String e : expand) {
      if (!allowed.contains(e)) {
        throw new IllegalArgumentException("\"expand\" must be one of " + allowed.stream()
            .map(a -> "\"" + a + "\"").toList().toString().replace(" ", ""));
      }
    }
    return new Fields(Set.copyOf(expand));
  }

  boolean includes(String field) {
    return names == null || names.contains(field);
  }

  /** A stable key for caches: the sorted names, or {@code *}. */
  String key() {
    return names == null ? "*" : String.join(",", new TreeSet<>(names));
  }
}
