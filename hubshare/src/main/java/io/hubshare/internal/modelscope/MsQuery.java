package io.hubshare.internal.modelscope;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ModelQuery} in the parameters of ModelScope's {@code GET /openapi/v1/models}, as modelscope_hub
 * {@code _openapi.py list_models} sends them: {@code search}, {@code owner}, {@code sort}, then
 * {@code filter.task}, {@code filter.library}, {@code filter.license}, {@code filter.custom_tag}, then the page.
 *
 * <p>Pages are numbered from 1, hold at most {@value #MAX_PAGE_SIZE} models (the SDK's
 * {@code _OPENAPI_MAX_PAGE_SIZE}; a larger page size is lowered to it, as the SDK does) and never reach past the
 * first {@value #MAX_RESULTS} results of a query ({@code page_number × page_size ≤ 3000}). The cursor of a page is
 * visible and self-describing: {@code page_number=3&page_size=50}.
 */
final class MsQuery {
  /** The most models one page holds. */
  static final int MAX_PAGE_SIZE = 50;
  /** How far into a query's results pages reach: {@code page_number × page_size ≤ 3000}. */
  static final int MAX_RESULTS = 3000;
  /** The page size when the query sets none (modelscope_hub's default is 10; larger pages cost fewer requests). */
  static final int DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;

  private static final Pattern CURSOR = Pattern.compile("page_number=([1-9]\\d{0,5})&page_size=([1-9]\\d{0,3})");

  /** The {@code expand} names that ask for something every ModelScope item carries anyway. */
  static final Set<String> ALWAYS_THERE = Set.of("author", "createdAt", "lastModified", "downloads",
      "downloadsAllTime", "likes", "tags", "pipeline_tag", "license", "gated", "private");

  private MsQuery() {}

  /** A page position: its number (from 1) and size. */
  record PageAt(int number, int size) {
    PageAt {
      if (number < 1 || size < 1 || size > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("no such ModelScope page: number " + number + ", size " + size);
      }
    }

    /** Whether the page lies within the first {@value #MAX_RESULTS} results. */
    boolean reachable() {
      return (long) number * size <= MAX_RESULTS;
    }

    PageAt next() {
      return new PageAt(number + 1, size);
    }

    String cursor() {
      return "page_number=" + number + "&page_size=" + size;
    }
  }

  /** Where a listing starts: page 1, or the page its cursor names. */
  static PageAt start(ModelQuery q) {
    if (q.cursor() == null) return new PageAt(1, pageSize(q));
    Matcher m = CURSOR.matcher(q.cursor());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a ModelScope cursor: '" + q.cursor() + "' (expected page_number=N"
          + "&page_size=K, as Page.nextCursor() gives it)");
    }
    PageAt at = new PageAt(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    if (!at.reachable()) {
      throw new IllegalArgumentException("the cursor '" + q.cursor() + "' lies past the first " + MAX_RESULTS
          + " results, which ModelScope never serves");
    }
    return at;
  }

  static int pageSize(ModelQuery q) {
    return q.pageSize() == null ? DEFAULT_PAGE_SIZE : Math.min(q.pageSize(), MAX_PAGE_SIZE);
  }

  /**
   * The query's parameters, without the page.
   *
   * @throws IllegalArgumentException for what ModelScope cannot list by (naming it)
   */
  static List<Map.Entry<String, String>> parameters(ModelQuery q) {
    if (q.baseModel() != null) {
      throw new IllegalArgumentException("ModelScope cannot list the variants of a model: its listing carries no "
          + "lineage (base models come only from one model's card, models().get(id, null, \"baseModels\"))");
    }
    if (q.filters().size() > 1) {
      throw new IllegalArgumentException("ModelScope filters by one tag at a time (filter.custom_tag), not by "
          + q.filters().size() + ": " + q.filters());
    }
    if (q.full() || q.config() || q.cardData()) {
      throw new IllegalArgumentException("ModelScope's listing has no full, config or cardData: its items always "
          + "carry the same fields (base models come only from one model's card)");
    }
    for (String e : q.expand()) {
      if (!ALWAYS_THERE.contains(e)) {
        throw new IllegalArgumentException("ModelScope's listing has no expand field '" + e + "': its items always "
            + "carry id, downloads (all time), likes, times, licence, tags, tasks, gated and private");
      }
    }
    List<Map.Entry<String, String>> p = new ArrayList<>();
    add(p, "search", q.search());
    add(p, "owner", q.author());
    if (q.sort() != null) add(p, "sort", sortName(q.sort()));
    add(p, "filter.task", q.pipelineTag());
    add(p, "filter.library", q.library());
    add(p, "filter.license", q.license());
    if (!q.filters().isEmpty()) add(p, "filter.custom_tag", q.filters().get(0));
    p.addAll(q.extraParameters());
    return List.copyOf(p);
  }

  /** The parameters as a snapshot records them: the query's, then the page size. */
  static List<Map.Entry<String, String>> describe(ModelQuery q) {
    List<Map.Entry<String, String>> p = new ArrayList<>(parameters(q));
    p.add(new SimpleImmutableEntry<>("page_size", Integer.toString(pageSize(q))));
    return List.copyOf(p);
  }

  /** ModelScope's sort keys (modelscope {@code hub/constants.py SortKey}): {@code downloads}, {@code likes}, {@code last_modified}. */
  static String sortName(ModelSort sort) {
    switch (sort) {
      case DOWNLOADS: return "downloads";
      case LIKES: return "likes";
      case LAST_MODIFIED: return "last_modified";
      default:
        throw new IllegalArgumentException("ModelScope cannot sort by " + sort.label()
            + "; it sorts by downloads, likes or lastModified (or its default order)");
    }
  }

  private static void add(List<Map.Entry<String, String>> p, String k, @Nullable String v) {
    if (v != null) p.add(new SimpleImmutableEntry<>(k, v));
  }
}
