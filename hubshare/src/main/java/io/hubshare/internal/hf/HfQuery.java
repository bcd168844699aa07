package io.hubshare.internal.hf;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@link ModelQuery} in the parameters of Hugging Face's {@code GET /api/models}, in a stable order. */
final class HfQuery {
  private HfQuery() {}

  /** The query parameters, without the cursor. */
  static List<Map.Entry<String, String>> parameters(ModelQuery q) {
    List<Map.Entry<String, String>> p = new ArrayList<>();
    add(p, "search", q.search());
    add(p, "author", q.author());
    for (String f : q.filters()) add(p, "filter", f);
    if (q.baseModel() != null) {
      ModelQuery.BaseModelFilter b = q.baseModel();
      add(p, "filter", "base_model:" + (b.relation() == null ? "" : b.relation().name().toLowerCase(Locale.ROOT) + ":") + b.id());
    }
    // As huggingface_hub sends them: a library is a tag, a licence a "license:" tag.
    add(p, "filter", q.library());
    if (q.license() != null) add(p, "filter", "license:" + q.license());
    add(p, "pipeline_tag", q.pipelineTag());
    if (q.sort() != null) add(p, "sort", sortName(q.sort()));
    if (q.pageSize() != null) add(p, "limit", q.pageSize().toString());
    for (String e : q.expand()) add(p, "expand", e);
    if (q.full()) add(p, "full", "true");
    if (q.config()) add(p, "config", "true");
    if (q.cardData()) add(p, "cardData", "true");
    p.addAll(q.extraParameters());
    return List.copyOf(p);
  }

  /** The Hub's name of a sort order. */
  static String sortName(ModelSort sort) {
    switch (sort) {
      case CREATED_AT: return "createdAt";
      case DOWNLOADS: return "downloads";
      case LAST_MODIFIED: return "lastModified";
      case LIKES: return "likes";
      case TRENDING_SCORE: return "trendingScore";
      default: throw new IllegalArgumentException("Hugging Face cannot sort by " + sort);
    }
  }

  private static void add(List<Map.Entry<String, String>> p, String k, @Nullable String v) {
    if (v != null) p.add(new SimpleImmutableEntry<>(k, v));
  }
}
