package io.hubshare.snapshot;

import io.hubshare.domain.Model;
import io.hubshare.hub.ModelQuery;
import org.jspecify.annotations.Nullable;

/**
 * What a capped listing can be cut by, in the order a partitioned crawl tries: the task, the licence, the library,
 * the owner. Each is a {@link ModelQuery} field and a {@link Model} field, so the values to cut by are the ones the
 * part's own models show.
 */
enum PartKey {
  PIPELINE_TAG("pipelineTag"),
  LICENSE("license"),
  LIBRARY("library"),
  AUTHOR("author");

  private final String label;

  PartKey(String label) {
    this.label = label;
  }

  /** The name as {@link ModelQuery#describe()} writes it. */
  String label() {
    return label;
  }

  static @Nullable PartKey of(String label) {
    for (PartKey k : values()) {
      if (k.label.equals(label)) return k;
    }
    return null;
  }

  /** The query's value for this key, or {@code null}. */
  @Nullable String of(ModelQuery q) {
    switch (this) {
      case PIPELINE_TAG: return q.pipelineTag();
      case LICENSE: return q.license();
      case LIBRARY: return q.library();
      default: return q.author();
    }
  }

  /** The model's value for this key, or {@code null}. */
  @Nullable String of(Model m) {
    switch (this) {
      case PIPELINE_TAG: return m.pipelineTag();
      case LICENSE: return m.license();
      case LIBRARY: return m.libraryName();
      default: return m.author() != null ? m.author() : m.owner();
    }
  }

  /**
   * The query narrowed to {@code value}.
   *
   * @throws IllegalArgumentException if the value cannot be asked for (not a valid account name, say)
   */
  ModelQuery.Builder narrow(ModelQuery.Builder b, String value) {
    switch (this) {
      case PIPELINE_TAG: return b.pipelineTag(value);
      case LICENSE: return b.license(value);
      case LIBRARY: return b.library(value);
      default: return b.author(value);
    }
  }
}
