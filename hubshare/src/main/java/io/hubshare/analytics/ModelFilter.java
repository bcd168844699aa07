package io.hubshare.analytics;

import io.hubshare.domain.Model;
import io.hubshare.internal.protocol.StoredFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The filters of a {@link Shares} computation: immutable, each setter returns a copy. */
final class ModelFilter implements Predicate<Model> {
  static final ModelFilter NONE = new ModelFilter(null, null, null, null, List.of());

  private final @Nullable Instant createdFrom;
  private final @Nullable Instant createdTo;
  private final @Nullable String pipelineTag;
  private final @Nullable String library;
  private final List<Predicate<? super Model>> predicates;

  private ModelFilter(@Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable String pipelineTag,
      @Nullable String library, List<Predicate<? super Model>> predicates) {
    this.createdFrom = createdFrom;
    this.createdTo = createdTo;
    this.pipelineTag = pipelineTag;
    this.library = library;
    this.predicates = List.copyOf(predicates);
  }

  ModelFilter createdBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("created-between needs from < to (the window is [from, to)), got from="
          + from + ", to=" + to);
    }
    return new ModelFilter(from, to, pipelineTag, library, predicates);
  }

  ModelFilter pipelineTag(String tag) {
    return new ModelFilter(createdFrom, createdTo, requireText(tag, "pipeline tag"), library, predicates);
  }

  ModelFilter library(String name) {
    return new ModelFilter(createdFrom, createdTo, pipelineTag, requireText(name, "library"), predicates);
  }

  ModelFilter where(Predicate<? super Model> predicate) {
    List<Predicate<? super Model>> all = new ArrayList<>(predicates);
    all.add(Objects.requireNonNull(predicate, "predicate"));
    return new ModelFilter(createdFrom, createdTo, pipelineTag, library, all);
  }

  /**
   * Whether the model passes every filter. A created-between filter drops a model without {@code createdAt}:
   * nothing says it was created in the window.
   */
  @Override
  public boolean test(Model m) {
    if (createdFrom != null) {
      Instant c = m.createdAt();
      if (c == null || c.isBefore(createdFrom) || !c.isBefore(createdTo)) return false;
    }
    if (pipelineTag != null && !pipelineTag.equals(m.pipelineTag())) return false;
    if (library != null && !library.equals(m.libraryName())) return false;
    for (Predicate<? super Model> p : predicates) {
      if (!p.test(m)) return false;
    }
    return true;
  }

  /** Whether the filters are only those {@link #test(StoredFields)} can apply: no predicates on models. */
  boolean readsFieldsOnly() {
    return predicates.isEmpty();
  }

  @Nullable Instant createdFrom() {
    return createdFrom;
  }

  @Nullable Instant createdTo() {
    return createdTo;
  }

  @Nullable String pipelineTagFilter() {
    return pipelineTag;
  }

  @Nullable String libraryFilter() {
    return library;
  }

  boolean needsCreatedAt() {
    return createdFrom != null;
  }

  boolean needsPipelineTag() {
    return pipelineTag != null;
  }

  boolean needsLibrary() {
    return library != null;
  }

  /** As {@link #test(Model)}, over a model's fields; only when {@link #readsFieldsOnly()}. */
  boolean test(StoredFields f) {
    if (createdFrom != null) {
      Instant c = f.createdAt;
      if (c == null || c.isBefore(createdFrom) || !c.isBefore(createdTo)) return false;
    }
    if (pipelineTag != null && !pipelineTag.equals(f.pipelineTag)) return false;
    return library == null || library.equals(f.libraryName);
  }

  /** Whether a caller's predicate is among the filters (it may read any field). */
  boolean hasPredicates() {
    return !predicates.isEmpty();
  }

  /** The list API's fields the built-in filters read. */
  List<String> fields() {
    List<String> f = new ArrayList<>(3);
    if (createdFrom != null) f.add("createdAt");
    if (pipelineTag != null) f.add("pipeline_tag");
    if (library != null) f.add("library_name");
    return f;
  }

  /** The filters in words, for table headers and exports. */
  Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    if (createdFrom != null) {
      d.put("createdFrom", createdFrom.toString());
      d.put("createdTo", String.valueOf(createdTo));
    }
    if (pipelineTag != null) d.put("pipelineTag", pipelineTag);
    if (library != null) d.put("library", library);
    if (!predicates.isEmpty()) d.put("predicates", Integer.toString(predicates.size()));
    return d;
  }

  private static String requireText(String s, String what) {
    if (s == null || s.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
    return s.trim();
  }
}
