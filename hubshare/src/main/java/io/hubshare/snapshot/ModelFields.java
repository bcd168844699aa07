package io.hubshare.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The list API's field names that models are read from, for reading only some columns of a Parquet file. */
final class ModelFields {
  /** Every field hubshare reads into a {@link io.hubshare.domain.Model}, in the list API's order. */
  static final List<String> ALL = List.of("id", "modelId", "author", "sha", "createdAt", "lastModified", "downloads",
      "downloadsAllTime", "likes", "trendingScore", "tags", "pipeline_tag", "library_name", "gated", "private",
      "disabled", "cardData", "baseModels", "safetensors", "gguf");

  private ModelFields() {}

  /** {@code fields} with the id (and its older name {@code modelId}) first. */
  static List<String> withId(Collection<String> fields) {
    List<String> out = new ArrayList<>(fields.size() + 2);
    out.add("id");
    out.add("modelId");
    for (String f : fields) {
      if (!out.contains(f)) out.add(f);
    }
    return out;
  }
}
