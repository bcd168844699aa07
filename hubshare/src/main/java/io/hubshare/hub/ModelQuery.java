package io.hubshare.hub;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.hubshare.domain.Relation;
import org.jspecify.annotations.Nullable;

/**
 * What a model listing asks a hub for, whichever hub it is: each hub's protocol turns it into its own request (on
 * Hugging Face, the parameters of {@code GET /api/models}). Immutable; build one with {@link #builder()}. A hub that
 * cannot list by something asked here refuses the query with an {@link IllegalArgumentException} naming it.
 *
 * <pre>{@code
 * ModelQuery q = ModelQuery.builder()
 *     .author("Qwen").filter("gguf").sort(ModelSort.DOWNLOADS)
 *     .expand("downloadsAllTime", "createdAt", "tags")
 *     .pageSize(1000).limit(5000)
 *     .build();
 * }</pre>
 */
public final class ModelQuery {
  /** The largest page size the client asks for. */
  public static final int MAX_PAGE_SIZE = 1000;

  private final @Nullable String search;
  private final @Nullable String author;
  private final List<String> filters;
  private final @Nullable String pipelineTag;
  private final @Nullable String library;
  private final @Nullable String license;
  private final @Nullable BaseModelFilter baseModel;
  private final @Nullable ModelSort sort;
  private final @Nullable Integer pageSize;
  private final List<String> expand;
  private final boolean full;
  private final boolean config;
  private final boolean cardData;
  private final @Nullable Long limit;
  private final @Nullable String cursor;
  private final List<Map.Entry<String, String>> extra;

  private ModelQuery(Builder b) {
    this.search = b.search;
    this.author = b.author;
    this.filters = List.copyOf(b.filters);
    this.pipelineTag = b.pipelineTag;
    this.library = b.library;
    this.license = b.license;
    this.baseModel = b.baseModel;
    this.sort = b.sort;
    this.pageSize = b.pageSize;
    this.expand = List.copyOf(b.expand);
    this.full = b.full;
    this.config = b.config;
    this.cardData = b.cardData;
    this.limit = b.limit;
    this.cursor = b.cursor;
    this.extra = List.copyOf(b.extra);
  }

  /** A new builder with nothing set: the whole listing, in the hub's default order. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.search = search;
    b.author = author;
    b.filters.addAll(filters);
    b.pipelineTag = pipelineTag;
    b.library = library;
    b.license = license;
    b.baseModel = baseModel;
    b.sort = sort;
    b.pageSize = pageSize;
    b.expand.addAll(expand);
    b.full = full;
    b.config = config;
    b.cardData = cardData;
    b.limit = limit;
    b.cursor = cursor;
    b.extra.addAll(extra);
    return b;
  }

  public @Nullable String search() { return search; }
  public @Nullable String author() { return author; }
  public List<String> filters() { return filters; }
  public @Nullable String pipelineTag() { return pipelineTag; }

  /** Models of this library, such as {@code transformers}, or {@code null}. */
  public @Nullable String library() {
    return library;
  }

  /** Models under this licence, such as {@code apache-2.0}, or {@code null}. */
  public @Nullable String license() {
    return license;
  }

  /** Only the models that derive from a base model, or {@code null}. */
  public @Nullable BaseModelFilter baseModel() {
    return baseModel;
  }

  /**
   * The variants of a base model.
   *
   * <p>Its constructor is part of the compatible API: these components define the value, so none will be added.
   *
   * @param id the base model's id
   * @param relation the relation they have to it, or {@code null} for any
   */
  public record BaseModelFilter(String id, @Nullable Relation relation) {
    /** Checks the components. */
    public BaseModelFilter {
      ModelIds.requireValid(id);
      if (relation == Relation.ORIGINAL) {
        throw new IllegalArgumentException("ORIGINAL is not a relation a variant can have");
      }
    }
  }
  public @Nullable ModelSort sort() { return sort; }
  public @Nullable Integer pageSize() { return pageSize; }
  public List<String> expand() { return expand; }
  public boolean full() { return full; }
  public boolean config() { return config; }
  public boolean cardData() { return cardData; }
  /** The most models the listing yields in all, or {@code null} for no limit. */
  public @Nullable Long limit() { return limit; }
  /** The cursor the listing starts from, or {@code null} to start at the first page. */
  public @Nullable String cursor() { return cursor; }
  /** Further parameters, passed as they are. */
  public List<Map.Entry<String, String>> extraParameters() { return extra; }

  /**
   * What the query asks, in a stable order, as hubshare names it (not any hub's parameters): {@code search},
   * {@code author}, {@code filter}, {@code pipelineTag}, {@code library}, {@code license}, {@code baseModel},
   * {@code sort}, {@code pageSize}, {@code expand}, {@code full}, {@code config}, {@code cardData}, then the extra
   * {@linkplain Builder#parameter hub parameters} as given. The cursor and the total limit are not among them.
   */
  public List<Map.Entry<String, String>> describe() {
    List<Map.Entry<String, String>> p = new ArrayList<>();
    add(p, "search", search);
    add(p, "author", author);
    for (String f : filters) add(p, "filter", f);
    add(p, "pipelineTag", pipelineTag);
    add(p, "library", library);
    add(p, "license", license);
    if (baseModel != null) {
      add(p, "baseModel", (baseModel.relation() == null ? "" : baseModel.relation().label() + ":") + baseModel.id());
    }
    if (sort != null) add(p, "sort", sort.label());
    if (pageSize != null) add(p, "pageSize", pageSize.toString());
    for (String e : expand) add(p, "expand", e);
    if (full) add(p, "full", "true");
    if (config) add(p, "config", "true");
    if (cardData) add(p, "cardData", "true");
    p.addAll(extra);
    return List.copyOf(p);
  }

  private static void add(List<Map.Entry<String, String>> p, String k, @Nullable String v) {
    if (v != null) p.add(new SimpleImmutableEntry<>(k, v));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelQuery q && describe().equals(q.describe())
        && Objects.equals(limit, q.limit) && Objects.equals(cursor, q.cursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(describe(), limit, cursor);
  }

  /** The parameters as a readable query string (not URL-encoded), with the limit and cursor when set. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : describe()) {
      if (b.length() > 0) b.append('&');
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    if (limit != null) b.append(b.length() > 0 ? " " : "").append("(limit ").append(limit).append(')');
    if (cursor != null) b.append(b.length() > 0 ? " " : "").append("(from cursor)");
    return b.length() == 0 ? "(all models)" : b.toString();
  }

  /** Builds a {@link ModelQuery}; each setter checks its argument at once. */
  public static final class Builder {
    private @Nullable String search;
    private @Nullable String author;
    private final List<String> filters = new ArrayList<>();
    private @Nullable String pipelineTag;
    private @Nullable String library;
    private @Nullable String license;
    private @Nullable BaseModelFilter baseModel;
    private @Nullable ModelSort sort;
    private @Nullable Integer pageSize;
    private final List<String> expand = new ArrayList<>();
    private boolean full;
    private boolean config;
    private boolean cardData;
    private @Nullable Long limit;
    private @Nullable String cursor;
    private final List<Map.Entry<String, String>> extra = new ArrayList<>();

    private Builder() {}

    /** Models whose id contains {@code text}. */
    public Builder search(String text) { this.search = nonBlank(text, "search"); return this; }

    /** Models owned by this account. */
    public Builder author(String account) {
      if (!ModelIds.isValidPart(account)) throw new IllegalArgumentException("not a valid account name: '" + account + "'");
      this.author = account;
      return this;
    }

    /** Adds tag filters, AND-ed, as the hub spells its tags: {@code gguf}, {@code license:mit}. */
    public Builder filter(String... tags) {
      for (String t : tags) filters.add(nonBlank(t, "filter"));
      return this;
    }

    /** Models of this task, such as {@code text-generation}. */
    public Builder pipelineTag(String tag) { this.pipelineTag = nonBlank(tag, "pipelineTag"); return this; }

    /** Models of this library, such as {@code transformers}. */
    public Builder library(String library) {
      this.library = nonBlank(library, "library");
      return this;
    }

    /** Models under this licence, such as {@code apache-2.0}. */
    public Builder license(String license) {
      this.license = nonBlank(license, "license");
      return this;
    }

    /**
     * Only the variants of a base model: {@code baseModel("Qwen/Qwen3-8B", Relation.QUANTIZED)}.
     *
     * @param relation the relation they have to it, or {@code null} for any
     * @throws IllegalArgumentException if {@code id} is not a valid id or {@code relation} is ORIGINAL
     */
    public Builder baseModel(String id, @Nullable Relation relation) {
      this.baseModel = new BaseModelFilter(id, relation);
      return this;
    }

    /** The sort key (always descending). */
    public Builder sort(ModelSort sort) { this.sort = Objects.requireNonNull(sort, "sort"); return this; }

    /** Models per request, 1 to {@value #MAX_PAGE_SIZE}. */
    public Builder pageSize(int size) {
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ": " + size);
      }
      this.pageSize = size;
      return this;
    }

    /** Fields to return ({@code expand=}); cannot be combined with {@link #full}, {@link #config}, {@link #cardData}. */
    public Builder expand(String... fields) {
      for (String f : fields) expand.add(nonBlank(f, "expand"));
      return this;
    }

    /** Asks for every field ({@code full=true}). */
    public Builder full(boolean full) { this.full = full; return this; }

    /** Asks for {@code config} ({@code config=true}). */
    public Builder config(boolean config) { this.config = config; return this; }

    /** Asks for {@code cardData} ({@code cardData=true}). */
    public Builder cardData(boolean cardData) { this.cardData = cardData; return this; }

    /**
     * Stops after this many models in all; the page on which the limit is reached is the last one fetched. In
     * {@link PagedIterable#pages()}, that page holds only the models within the limit; if the limit cut it short,
     * its {@link Page#nextCursor()} is {@code null} (no cursor resumes in the middle of a page), and if the limit
     * fell exactly on its end, it keeps its cursor, so a crawl run in batches ({@code limit} a multiple of
     * {@code pageSize}) resumes where the last batch stopped.
     */
    public Builder limit(long total) {
      if (total < 1) throw new IllegalArgumentException("limit must be positive: " + total);
      this.limit = total;
      return this;
    }

    /**
     * Starts from a cursor that {@link Page#nextCursor()} gave, to resume a listing. A plain cursor is sent as the
     * first request's {@code cursor} parameter; one shaped like a URL (given for a next link that had no
     * {@code cursor} parameter) is followed as it is, moved onto the client's endpoint.
     */
    public Builder cursor(@Nullable String cursor) {
      this.cursor = cursor == null || cursor.isBlank() ? null : cursor;
      return this;
    }

    /** Any other parameter the hub takes ({@code gated}, {@code inference}, {@code num_parameters}…), as is. */
    public Builder parameter(String name, String value) {
      extra.add(new SimpleImmutableEntry<>(nonBlank(name, "name"), Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * The query.
     *
     * @throws IllegalArgumentException if {@code expand} is combined with {@code full}, {@code config} or
     *     {@code cardData}, which the hub refuses
     */
    public ModelQuery build() {
      if (!expand.isEmpty() && (full || config || cardData)) {
        throw new IllegalArgumentException("expand cannot be combined with full, config or cardData");
      }
      return new ModelQuery(this);
    }

    private static String nonBlank(String v, String what) {
      if (v == null || v.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
      return v;
    }
  }
}
